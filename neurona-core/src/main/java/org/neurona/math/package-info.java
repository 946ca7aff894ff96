/**
 * Float32 kernels on row-major arrays (matrix products, with a plain reference beside the fast ones), the seeded random source and the worker threads. Knows nothing of networks.
 */
package org.neurona.math;
