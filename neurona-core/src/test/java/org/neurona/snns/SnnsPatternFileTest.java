package org.neurona.snns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurona.data.Dataset;

/**
 * The pattern file reader and writer against the real SNNS example patterns (shared/data/snns/pat:
 * the data of RSNNS 0.4-18's {@code snnsData}, i.e. the pattern files of the SNNS 4.3 examples
 * folder, regenerated with the SNNS kernel's own pattern writer; LGPL v2, see the README there) and
 * against small hand-made files, good and bad.
 */
class SnnsPatternFileTest {

    /** Patterns, inputs, outputs of every file, as the README table of the data states them. */
    private static final Map<String, int[]> README = new TreeMap<>();
    static {
        README.put("xor.pat", new int[] {4, 2, 1});
        README.put("xor_rec1.pat", new int[] {18, 3, 1});
        README.put("xor_rec2.pat", new int[] {18, 3, 1});
        README.put("encoder.pat", new int[] {8, 8, 8});
        README.put("letters.pat", new int[] {26, 35, 26});
        README.put("letters_with_classes.pat", new int[] {26, 35, 26});
        README.put("letters_auto.pat", new int[] {26, 35, 35});
        README.put("patmat.pat", new int[] {6, 35, 35});
        README.put("art1_letters.pat", new int[] {26, 35, 0});
        README.put("artmap_train.pat", new int[] {26, 75, 0});
        README.put("artmap_test.pat", new int[] {26, 75, 0});
        README.put("art2_tetra.pat", new int[] {40, 3, 0});
        README.put("art2_tetra_low.pat", new int[] {40, 3, 0});
        README.put("art2_tetra_med.pat", new int[] {40, 3, 0});
        README.put("art2_tetra_high.pat", new int[] {40, 3, 0});
        README.put("som_cube.pat", new int[] {8, 3, 0});
        README.put("som_cube_norm.pat", new int[] {8, 3, 1});
        README.put("spirals.pat", new int[] {194, 2, 2});
        README.put("eight_016.pat", new int[] {16, 2, 2});
        README.put("eight_160.pat", new int[] {160, 2, 2});
        README.put("laser_1000.pat", new int[] {1000, 1, 1});
        README.put("laser_999.pat", new int[] {999, 1, 1});
        README.put("letseq_train.pat", new int[] {2986, 6, 6});
        README.put("letseq_test.pat", new int[] {56, 6, 6});
        README.put("nettalk.pat", new int[] {200, 203, 26});
        README.put("sprach_train.pat", new int[] {200, 500, 40});
        README.put("sprach_test.pat", new int[] {40, 500, 40});
        README.put("bdg_TDNN.pat", new int[] {27, 112, 3});
        README.put("font.pat", new int[] {150, 576, 75});
        README.put("dlvq_ziff_100.pat", new int[] {100, 256, 1});
        README.put("trainMAP.pat", new int[] {10, 1, 1});
        README.put("validMAP.pat", new int[] {10, 1, 1});
        README.put("trainValidMAP.pat", new int[] {20, 1, 1});
        README.put("testMAP.pat", new int[] {80, 1, 1});
    }

    @Test
    void everyExampleFileHasTheCountsOfTheReadmeAndRoundTripsExactly() throws IOException {
        Path dir = SnnsTestData.dir().resolve("pat");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".pat")).sorted().toList();
        }
        assertEquals(README.keySet(), new java.util.TreeSet<>(files.stream().map(p -> p.getFileName().toString()).toList()),
                "the pattern files present are those of the README table");
        for (Path f : files) {
            String name = f.getFileName().toString();
            SnnsPatternFile pf = SnnsPatternFile.read(f);
            Dataset d = pf.data();
            int[] want = README.get(name);
            assertEquals(want[0], d.rows(), name + " patterns");
            assertEquals(want[1], d.inputs(), name + " inputs");
            assertEquals(want[2], d.outputs(), name + " outputs");
            assertEquals("V4.2", pf.version(), name);
            assertEquals(name, d.source());

            SnnsPatternFile back = SnnsPatternFile.parse(pf.format("Sat Nov 28 00:00:00 2026"), name);
            assertArrayEquals(d.x(), back.data().x(), name + " inputs after write -> read");
            assertArrayEquals(d.b(), back.data().b(), name + " outputs after write -> read");
            assertEquals(d.rows(), back.data().rows());
        }
    }

    @Test
    void xorValuesAreTheTruthTable() throws IOException {
        Dataset d = SnnsPatternFile.readDataset(SnnsTestData.pat("xor.pat"));
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, d.x());
        assertArrayEquals(new float[] {0, 1, 1, 0}, d.b());
    }

    @Test
    void spotChecksOfRealValues() throws IOException {
        Dataset letters = SnnsPatternFile.readDataset(SnnsTestData.pat("letters.pat"));
        // letter A: first row of the 5x7 map is 0 1 1 1 0, its target is one-hot on class 1
        assertArrayEquals(new float[] {0, 1, 1, 1, 0, 1, 0, 0, 0, 1}, java.util.Arrays.copyOf(letters.inputRow(0), 10));
        assertEquals(1f, letters.targetRow(0)[0]);
        assertEquals(1f, letters.targetRow(25)[25]);

        Dataset tetra = SnnsPatternFile.readDataset(SnnsTestData.pat("art2_tetra.pat"));
        assertArrayEquals(new float[] {-0.448972f, 0.69061f, -0.954433f}, tetra.inputRow(0));

        Dataset laser = SnnsPatternFile.readDataset(SnnsTestData.pat("laser_1000.pat"));
        assertEquals(0.337255f, laser.x()[0]);
        assertEquals(0.552941f, laser.b()[0]);
        assertEquals(laser.b()[0], laser.x()[1], "one step ahead: the target of pattern 1 is the input of pattern 2");

        Dataset cube = SnnsPatternFile.readDataset(SnnsTestData.pat("som_cube.pat"));
        assertArrayEquals(new float[] {-1, 1, 1}, cube.inputRow(1));
        assertEquals(0, cube.b().length);
    }

    @Test
    void writesTheLayoutOfTheSnnsKernel() throws IOException {
        Path xor = SnnsTestData.pat("xor.pat");
        SnnsPatternFile pf = SnnsPatternFile.read(xor);
        String original = Files.readString(xor);
        String generated = original.lines().skip(1).findFirst().orElseThrow().substring("generated at ".length());
        assertEquals(original, pf.format(generated), "byte-identical to the file the SNNS kernel wrote");

        Path letters = SnnsTestData.pat("letters.pat");
        String text = Files.readString(letters);
        String gen = text.lines().skip(1).findFirst().orElseThrow().substring("generated at ".length());
        assertEquals(text, SnnsPatternFile.read(letters).format(gen), "10 values a line, as the kernel writes them");
    }

    @Test
    void readsV32CommentsFreeLayoutAndClasses() {
        String text = """
                SNNS pattern definition file V3.2
                generated at Mon Apr 25 17:45:30 1994
                # a comment before the counts

                No. of patterns : 3
                No. of input units : 2
                No. of output units : 1
                No. of classes : 2
                Remap function : threshold
                Remap parameters : [ 0.5 0.5 0 1 ]

                0 0   # inline comment
                0 cold
                1 0 1 hot 1 1
                1.5e-1 hot
                """;
        SnnsPatternFile pf = SnnsPatternFile.parse(text, "hand.pat");
        assertEquals("V3.2", pf.version());
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 1}, pf.data().x());
        assertArrayEquals(new float[] {0, 1, 0.15f}, pf.data().b());
        assertEquals(List.of("cold", "hot", "hot"), pf.patternClasses());
        assertEquals("threshold", pf.remapFunction());
        assertEquals(List.of(0.5, 0.5, 0.0, 1.0), pf.remapParameters());

        SnnsPatternFile back = SnnsPatternFile.parse(pf.format("now"), "back.pat");
        assertEquals(pf.patternClasses(), back.patternClasses());
        assertEquals(pf.remapParameters(), back.remapParameters());
        assertArrayEquals(pf.data().b(), back.data().b());
    }

    @Test
    void windowsLineEndingsReadTheSame() throws IOException {
        String text = Files.readString(SnnsTestData.pat("xor.pat"));
        SnnsPatternFile crlf = SnnsPatternFile.parse(text.replace("\n", "\r\n"), "xor.pat");
        assertArrayEquals(SnnsPatternFile.parse(text, "xor.pat").data().x(), crlf.data().x());
        String bad = "SNNS pattern definition file V4.2\r\ngenerated at now\r\nNo. of patterns : 1\r\nNo. of input units : 2\r\n0\r\n";
        assertEquals("bad.pat, line 5: unexpected end of file: pattern 1 of 1 needs 2 input values, found 1", error(bad));
    }

    @Test
    void formatsValuesAsCPrintfG() {
        assertEquals("0.5", SnnsPatternFile.formatG(0.5, 6));
        assertEquals("100", SnnsPatternFile.formatG(100, 6));
        assertEquals("0.0001", SnnsPatternFile.formatG(0.0001, 6));
        assertEquals("1e-05", SnnsPatternFile.formatG(0.00001, 6));
        assertEquals("123456", SnnsPatternFile.formatG(123456, 6));
        assertEquals("1.23457e+06", SnnsPatternFile.formatG(1234567, 6));
        assertEquals("-2.5e-07", SnnsPatternFile.formatG(-2.5e-7, 6));
        assertEquals("0.337255", SnnsPatternFile.formatG(0.337255f, 6));
        // a float that 6 digits cannot hold is written with enough digits to read back exactly
        float f = 0.1234567f;
        assertEquals(f, Float.parseFloat(SnnsPatternFile.formatValue(f)));
        assertEquals("-0", SnnsPatternFile.formatValue(-0.0));
    }

    @Test
    void everyFloatIsWrittenAsPrintfGWouldAndReadsBack() {
        org.neurona.math.Rng rng = new org.neurona.math.Rng(3);
        for (int i = 0; i < 20000; i++) {
            float f = (float) ((rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(14) - 7));
            String written = SnnsPatternFile.formatValue(f);
            assertEquals(f, Float.parseFloat(written), written);
            String g6 = SnnsPatternFile.formatG(f, 6);
            if (Float.parseFloat(g6) == f) assertEquals(g6, written, "as %g prints " + f);
        }
    }

    @Test
    void numbersAsTheScannerSeesThem() {
        for (String ok : List.of("0", "-1", "+2.5", ".5", "5.", "1e-05", "-3.2E+7")) assertTrue(SnnsPatternFile.isNumber(ok), ok);
        for (String bad : List.of("", "-", ".", "e5", "1e", "1.2.3", "0x10", "NaN", "Infinity", "1f", "\u0661")) {
            assertTrue(!SnnsPatternFile.isNumber(bad), bad);
        }
    }

    @Test
    void writeAndReadAFile(@TempDir Path tmp) throws IOException {
        Dataset d = Dataset.of(new double[][] {{0.1, -2e-6}, {1e7, 3}}, new double[][] {{1}, {0}});
        Path f = tmp.resolve("t.pat");
        SnnsPatternFile.of(d).write(f);
        Dataset back = SnnsPatternFile.readDataset(f);
        assertArrayEquals(d.x(), back.x());
        assertArrayEquals(d.b(), back.b());
        assertTrue(Files.readString(f).startsWith("SNNS pattern definition file V4.2\ngenerated at "));
    }

    // ---- bad files: each gives the message a user would see ----

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> SnnsPatternFile.parse(text, "bad.pat")).getMessage();
    }

    @Test
    void wrongHeaderSaysWhatTheFirstLineShouldBe() {
        assertEquals("bad.pat, line 1: found 'x,y,label'; expected 'SNNS pattern definition file V3.2' (or V4.2)"
                + " as the first line of an SNNS pattern file", error("x,y,label\n1,2,3\n"));
    }

    @Test
    void newerVersionIsRejected() {
        assertEquals("bad.pat, line 1: found version V5.0; expected a pattern file version up to V4.2"
                + " (this reader knows V3.2 to V4.2)", error("SNNS pattern definition file V5.0\n"));
    }

    @Test
    void missingCountNamesTheLine() {
        String text = "SNNS pattern definition file V4.2\ngenerated at now\nNo. of patterns : 2\nNo. of inputs : 2\n";
        assertEquals("bad.pat, line 4: found 'No. of inputs : 2'; expected 'No. of input units :' here (line 4 of the header)",
                error(text));
    }

    @Test
    void tooFewValuesIsAnUnexpectedEndOfFile() {
        String text = """
                SNNS pattern definition file V4.2
                generated at now
                No. of patterns : 2
                No. of input units : 2
                No. of output units : 1
                0 0 0
                1 1
                """;
        assertEquals("bad.pat, line 7: unexpected end of file: pattern 2 of 2 needs 1 output values, found 0", error(text));
    }

    @Test
    void truncatedInsideTheHeader() {
        assertEquals("bad.pat, line 3: unexpected end of file: expected a number after 'No. of patterns :'",
                error("SNNS pattern definition file V4.2\ngenerated at now\nNo. of patterns :"));
    }

    @Test
    void aWordWhereANumberBelongs() {
        String text = "SNNS pattern definition file V4.2\ngenerated at now\nNo. of patterns : 1\nNo. of input units : 2\n0 x\n";
        assertEquals("bad.pat, line 5: found 'x' as input value 2 of 2 of pattern 1; expected a number"
                + " (the header declares 2 input and 0 output values per pattern)", error(text));
    }

    @Test
    void tooManyValues() {
        String text = "SNNS pattern definition file V4.2\ngenerated at now\nNo. of patterns : 1\nNo. of input units : 2\n0 1\n2\n";
        assertEquals("bad.pat, line 6: found '2' after the last pattern; expected the end of the file,"
                + " since the header says No. of patterns : 1", error(text));
    }

    @Test
    void variableSizePatternsAreRejectedClearly() {
        String text = """
                SNNS pattern definition file V4.2
                generated at now
                No. of patterns : 1
                No. of input units : 2
                No. of output units : 1
                No. of variable input dimensions : 1
                Maximum input dimensions : [ 3 ]
                [ 2 ] 0 0 1 1
                1
                """;
        assertEquals("bad.pat, line 6: variable-size patterns ('No. of variable input dimensions : 1') are not supported;"
                + " neurona reads fixed-size patterns only (expected no variable dimensions: every pattern with the"
                + " same number of values)", error(text));
    }

    @Test
    void classCountMismatch() {
        String text = """
                SNNS pattern definition file V4.2
                generated at now
                No. of patterns : 2
                No. of input units : 1
                No. of classes : 3
                0 a
                1 b
                """;
        assertEquals("bad.pat: the header declares No. of classes : 3 but the patterns name 2 different classes [a, b]",
                error(text));
    }
}
