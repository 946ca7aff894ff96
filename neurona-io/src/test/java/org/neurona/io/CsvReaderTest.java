package org.neurona.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String error(Path f, CsvReader.Options o) {
        return assertThrows(DataFileException.class, () -> new CsvReader(o).read(f)).getMessage();
    }

    @Test
    void headerDetectedAndLastColumnIsTheTarget() throws IOException {
        Path f = file("a.csv", "x1,x2,y\n0.5,1,0\n\n-2,3e1,1\n");
        CsvData d = new CsvReader().read(f);
        assertTrue(d.header());
        assertEquals(',', d.separator());
        assertEquals(List.of("x1", "x2"), d.inputNames());
        assertEquals(List.of("y"), d.targetNames());
        assertEquals(2, d.rows());
        assertArrayEquals(new float[] {0.5f, 1f, -2f, 30f}, d.x());
        assertArrayEquals(new float[] {0f, 1f}, d.b());
        assertTrue(d.classes().isEmpty());
        assertEquals(2, d.toDataset().inputs());
    }

    @Test
    void noHeaderSemicolonWithDecimalCommaAndTab() throws IOException {
        CsvData semi = new CsvReader().read(file("s.csv", "0,5;1;2\n1,5;2;3\n"));
        assertFalse(semi.header());
        assertEquals(';', semi.separator());
        assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 2f}, semi.x());
        assertArrayEquals(new float[] {2f, 3f}, semi.b());
        assertEquals(List.of("column 1", "column 2"), semi.inputNames());

        CsvData tab = new CsvReader().read(file("t.tsv", "a\tb\n1\t2\n3\t4\n"));
        assertEquals('\t', tab.separator());
        assertArrayEquals(new float[] {1f, 3f}, tab.x());
    }

    @Test
    void quotedFieldsBomAndCrLf() throws IOException {
        Path f = file("q.csv", "\uFEFF\"x, first\",\"y\"\r\n\"1.5\",\"red, dark\"\r\n2,blue\r\n");
        CsvData d = new CsvReader().read(f);
        assertEquals(List.of("x, first"), d.inputNames());
        assertEquals(List.of("blue", "red, dark"), d.classes());
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f}, d.b());
    }

    @Test
    void stringLabelsAreOneHotSortedAndIntegerLabelsWithClassify() throws IOException {
        CsvData s = new CsvReader().read(file("iris.csv", "sl,sw,species\n1,2,virginica\n3,4,setosa\n5,6,virginica\n"));
        assertEquals(List.of("setosa", "virginica"), s.classes());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1}, s.b());
        assertEquals(2, s.outputs());

        Path ints = file("ints.csv", "1,2,10\n3,4,2\n5,6,2.0\n");
        CsvData plain = new CsvReader().read(ints);
        assertTrue(plain.classes().isEmpty());
        CsvData c = new CsvReader(CsvReader.Options.defaults().withClassify(true)).read(ints);
        assertEquals(List.of("2", "10"), c.classes());   // numeric order, "2.0" is class 2
        assertArrayEquals(new float[] {0, 1, 1, 0, 1, 0}, c.b());
    }

    @Test
    void givenClassListIsUsedAndUnknownLabelIsAnError() throws IOException {
        Path f = file("e.csv", "x,y\n1,b\n2,a\n");
        CsvData d = new CsvReader(CsvReader.Options.defaults().withClasses(List.of("b", "a", "c"))).read(f);
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, d.b());
        String m = error(f, CsvReader.Options.defaults().withClasses(List.of("a", "c")));
        assertEquals(f + ", line 2, column 2: class 'b' is not one of the model's classes [a, c]", m);
    }

    @Test
    void targetsByNameIndexAndNegativeIndex() throws IOException {
        Path f = file("m.csv", "y,a,b,z\n1,2,3,4\n");
        CsvData byName = new CsvReader(CsvReader.Options.defaults().withTargets(List.of("y", "z"))).read(f);
        assertEquals(List.of("a", "b"), byName.inputNames());
        assertArrayEquals(new float[] {1, 4}, byName.b());
        CsvData byIndex = new CsvReader(CsvReader.Options.defaults().withTargets(List.of("1"))).read(f);
        assertArrayEquals(new float[] {2, 3, 4}, byIndex.x());
        CsvData fromEnd = new CsvReader(CsvReader.Options.defaults().withTargets(List.of("-2"))).read(f);
        assertEquals(List.of("b"), fromEnd.targetNames());
        CsvData none = new CsvReader(CsvReader.Options.defaults().withNoTargets()).read(f);
        assertEquals(4, none.inputs());
        assertEquals(0, none.outputs());
        assertEquals(f + ": no target column named 'w'; the columns are [y, a, b, z]",
                error(f, CsvReader.Options.defaults().withTargets(List.of("w"))));
        assertTrue(error(f, CsvReader.Options.defaults().withTargets(List.of("9"))).contains("out of range"));
    }

    @Test
    void forcedHeaderModes() throws IOException {
        Path f = file("h.csv", "1,2\n3,4\n");
        CsvData yes = new CsvReader(CsvReader.Options.defaults().withHeader(CsvReader.Header.YES)).read(f);
        assertEquals(1, yes.rows());
        assertEquals(List.of("1"), yes.inputNames());
        Path g = file("g.csv", "a,b\n3,4\n");
        assertEquals(g + ", line 1, column 1: value 'a' is not a number; expected a number",
                error(g, CsvReader.Options.defaults().withHeader(CsvReader.Header.NO)));
    }

    @Test
    void wrongFieldCountNamesFileLineAndExpectedCount() throws IOException {
        Path f = file("bad.csv", "x1,x2,y\n1,2,3\n\n4,5\n");
        assertEquals(f + ", line 4: 2 fields, expected 3 (as in line 1)", error(f, CsvReader.Options.defaults()));
    }

    @Test
    void nonNumericValueNamesFileLineColumnAndValue() throws IOException {
        Path f = file("nn.csv", "x1,x2,y\n1,2,3\n1,abc,3\n");
        assertEquals(f + ", line 3, column 2: (x2) value 'abc' is not a number; expected a number",
                error(f, CsvReader.Options.defaults()));
        Path g = file("hex.csv", "1,0x1p3,3\n");
        assertTrue(error(g, CsvReader.Options.defaults()).contains("line 1, column 2: value '0x1p3' is not a number"));
        Path h = file("empty-field.csv", "1,,3\n");
        assertTrue(error(h, CsvReader.Options.defaults()).contains("line 1, column 2: an empty field; expected a number"));
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        Path f = file("nan.csv", "1,2,3\n4,NaN,6\n");
        assertEquals(f + ", line 2, column 2: value 'NaN' is not finite; expected a finite number", error(f, CsvReader.Options.defaults()));
        Path g = file("inf.csv", "1,2,-Infinity\n");
        assertTrue(error(g, CsvReader.Options.defaults()).contains("line 1, column 3: value '-Infinity' is not finite"));
        Path h = file("big.csv", "1,1e999,3\n");
        assertTrue(error(h, CsvReader.Options.defaults()).contains("too large"));
    }

    @Test
    void emptyHeaderOnlyMissingAndMalformedFiles() throws IOException {
        Path empty = file("empty.csv", "");
        assertEquals(empty + ": the file is empty; expected rows of comma-, semicolon- or tab-separated values",
                error(empty, CsvReader.Options.defaults()));
        Path blank = file("blank.csv", "\n  \n\n");
        assertTrue(error(blank, CsvReader.Options.defaults()).endsWith("the file is empty; expected rows of comma-, semicolon- or tab-separated values"));
        Path headerOnly = file("ho.csv", "x,y\n");
        assertEquals(headerOnly + ": has a header but no data rows",
                error(headerOnly, CsvReader.Options.defaults().withHeader(CsvReader.Header.YES)));
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": file not found", error(missing, CsvReader.Options.defaults()));
        Path quote = file("quote.csv", "1,2,3\n4,\"5,6\n");
        assertEquals(quote + ", line 2: malformed CSV: (startline 2) EOF reached before encapsulated token finished",
                error(quote, CsvReader.Options.defaults()));
        Path oneCol = file("one.csv", "1\n2\n");
        assertTrue(error(oneCol, CsvReader.Options.defaults()).contains("only one column"));
    }

    @Test
    void classifyRejectsFractionalLabels() throws IOException {
        Path f = file("frac.csv", "1,0\n2,0.5\n");
        assertEquals(f + ", line 2, column 2: value '0.5' is not a class label; expected an integer or a name",
                error(f, CsvReader.Options.defaults().withClassify(true)));
    }
}
