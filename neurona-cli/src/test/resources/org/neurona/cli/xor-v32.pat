SNNS pattern definition file V3.2
generated at Sat Nov 28 00:41:00 2026

# Written by hand for neurona's command-line tests: the XOR problem in the older
# V3.2 layout, with comments between the header lines and patterns laid out freely
# (two per line), to check that .pat data is read as SNNS reads it.

No. of patterns : 4
No. of input units : 2
No. of output units : 1

# pattern 1 and 2: inputs, then the output
0 0   0
0 1   1
# pattern 3
1 0
1
# pattern 4
1 1 0
