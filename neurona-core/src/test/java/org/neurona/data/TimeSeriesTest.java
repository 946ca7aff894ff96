package org.neurona.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesTest {

    private static TimeSeries csv(String text, String... columns) throws IOException {
        return TimeSeries.readCsv(new StringReader(text), "test.csv", List.of(columns));
    }

    @Test
    void readsColumnsByName() throws IOException {
        String text = "# a comment\nt,x,\"y\"\n0,1.5,10\n\n1,-2,20\n2,3e-1,30\n";
        TimeSeries x = csv(text, "x");
        assertEquals(3, x.length());
        assertArrayEquals(new float[] {1.5f, -2f, 0.3f}, x.values());
        TimeSeries xy = csv(text, "y", "x");
        assertEquals(2, xy.width());
        assertEquals(List.of("y", "x"), xy.names());
        assertArrayEquals(new float[] {10, 1.5f, 20, -2, 30, 0.3f}, xy.values());
        TimeSeries semi = csv("a;b\n1;2\n3;4\n", "b");
        assertArrayEquals(new float[] {2, 4}, semi.values());
    }

    @Test
    void readsAFileByNameAndByIndex(@TempDir Path dir) throws IOException {
        Path withHeader = dir.resolve("s.csv"), bare = dir.resolve("bare.csv");
        Files.writeString(withHeader, "t,x\n0,5\n1,6\n");
        Files.writeString(bare, "0,5\n1,6\n2,7\n");
        assertArrayEquals(new float[] {5, 6}, TimeSeries.readCsv(withHeader, "x").values());
        TimeSeries byIndex = TimeSeries.readCsv(bare, 1);
        assertArrayEquals(new float[] {5, 6, 7}, byIndex.values());
        assertEquals("bare.csv", byIndex.source());
    }

    @Test
    void missingColumnNamesTheColumnAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> csv("t,x\n0,1\n", "y"));
        assertEquals("test.csv: no column 'y'; the columns are [t, x]", e.getMessage());
    }

    @Test
    void notANumberNamesLineAndColumn() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> csv("t,x\n0,1\n1,NaN\n", "x"));
        assertTrue(nan.getMessage().startsWith("test.csv, line 3, column 'x': NaN; expected a finite number"), nan.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> csv("t,x\n0,1\n1,\n", "x"));
        assertEquals("test.csv, line 3, column 'x': '' is not a number", empty.getMessage());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class, () -> csv("t,x\n0\n", "x"));
        assertEquals("test.csv, line 2: 1 fields, no value for column 'x'", tooShort.getMessage());
        IllegalArgumentException noData = assertThrows(IllegalArgumentException.class, () -> csv("t,x\n", "x"));
        assertTrue(noData.getMessage().contains("no data lines"), noData.getMessage());
        IllegalArgumentException fromArray = assertThrows(IllegalArgumentException.class,
                () -> TimeSeries.of(1, Double.NaN, 3));
        assertEquals("series: value of 'x' at step 1 is NaN; expected a finite number", fromArray.getMessage());
    }

    @Test
    void splitsInTimeOrderAndPairsOneStepAhead() {
        TimeSeries s = TimeSeries.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertEquals(8, s.splitPoint(0.2));
        TimeSeries[] parts = s.split(8);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, parts[0].values());
        assertArrayEquals(new float[] {8, 9}, parts[1].values());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, s.inputs());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, s.targets());
        assertThrows(IllegalArgumentException.class, () -> s.split(10));
        assertThrows(IllegalArgumentException.class, () -> s.splitPoint(1.0));
    }

    @Test
    void slidingWindowsForFeedforwardNets() {
        TimeSeries s = TimeSeries.of(new double[][] {{0, 10}, {1, 11}, {2, 12}, {3, 13}}, List.of("a", "b"), "two");
        Dataset d = s.windows(2);
        assertEquals(2, d.rows());
        assertEquals(4, d.inputs());
        assertEquals(2, d.outputs());
        assertArrayEquals(new float[] {0, 10, 1, 11, 1, 11, 2, 12}, d.x());
        assertArrayEquals(new float[] {2, 12, 3, 13}, d.b());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.windows(4));
        assertEquals("two: the series has 4 steps, shorter than the 5 needed for a window of 4 steps and its next value",
                e.getMessage());
    }

    @Test
    void scalerIsFittedOnTheTrainingPartOnly() {
        TimeSeries s = TimeSeries.of(1, 2, 3, 4, 5, 100);
        TimeSeries train = s.split(5)[0];
        TimeSeriesScaler z = TimeSeriesScaler.fit(train, TimeSeriesScaler.Kind.ZSCORE);
        assertEquals(3, z.shift()[0], 1e-12);
        assertEquals(Math.sqrt(2), z.scale()[0], 1e-12);
        TimeSeries u = z.apply(s);
        assertEquals((100 - 3) / Math.sqrt(2), u.value(5, 0), 1e-4, "the test value is scaled, not used for fitting");
        double[] back = z.invert(u.values());
        for (int t = 0; t < 6; t++) assertEquals(s.value(t, 0), back[t], 1e-4);

        TimeSeriesScaler m = TimeSeriesScaler.fit(train, TimeSeriesScaler.Kind.MINMAX);
        TimeSeries mu = m.apply(train);
        assertEquals(-1, mu.value(0, 0), 1e-6);
        assertEquals(1, mu.value(4, 0), 1e-6);
        TimeSeriesScaler constant = TimeSeriesScaler.fit(TimeSeries.of(2, 2, 2), TimeSeriesScaler.Kind.ZSCORE);
        assertEquals(1, constant.scale()[0]);
        assertThrows(IllegalArgumentException.class, () -> TimeSeriesScaler.Kind.parse("robust"));
    }

    @Test
    void theShippedLaserSeriesIsSantaFeDataSetA() {
        TimeSeries laser = TimeSeries.laser();
        assertEquals(1001, laser.length());
        assertEquals(List.of("intensity"), laser.names());
        assertArrayEquals(new float[] {86, 141, 95, 41, 22}, java.util.Arrays.copyOf(laser.values(), 5));
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float v : laser.values()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(2, lo);
        assertEquals(255, hi);
    }

    @Test
    void theShippedLaserSeriesMatchesTheSnnsPatternFile() throws IOException {
        Path pat = Path.of("../../shared/data/snns/pat/laser_1000.pat");
        if (!Files.exists(pat)) pat = Path.of("../shared/data/snns/pat/laser_1000.pat");
        Assumptions.assumeTrue(Files.exists(pat), "shared SNNS data not found (../shared/data/snns); skipping the comparison");
        // the .pat file lists "# Input pattern j:" x_j and "# Output pattern j:" x_(j+1), one value each
        List<Double> inputs = new ArrayList<>(), outputs = new ArrayList<>();
        List<String> lines = Files.readAllLines(pat);
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("# Input pattern")) inputs.add(Double.parseDouble(lines.get(i + 1).trim()));
            if (lines.get(i).startsWith("# Output pattern")) outputs.add(Double.parseDouble(lines.get(i + 1).trim()));
        }
        TimeSeries laser = TimeSeries.laser();
        assertEquals(1000, inputs.size());
        for (int t = 0; t < 1000; t++) {
            assertEquals(inputs.get(t), laser.value(t, 0) / 255.0, 1e-5, "step " + t);
            assertEquals(outputs.get(t), laser.value(t + 1, 0) / 255.0, 1e-5, "step " + (t + 1));
        }
    }
}
