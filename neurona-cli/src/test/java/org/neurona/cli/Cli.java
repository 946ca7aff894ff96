package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr, as a user would run it. */
final class Cli {
    private Cli() {}

    /** What a run printed and returned. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A written PNG: the file exists, holds more than a stub and starts with the PNG signature. */
    static void assertPng(Path f) throws IOException {
        assertTrue(Files.exists(f), f + " was not written");
        byte[] b = Files.readAllBytes(f);
        assertTrue(b.length > 1000, f + " is only " + b.length + " bytes");
        assertArrayEquals(PNG, Arrays.copyOf(b, 8), f + " does not start with the PNG signature");
    }

    /** A PNG of the given size, checked by its signature and its IHDR header. */
    static void assertPng(Path f, int width, int height) throws IOException {
        assertPng(f);
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(f), 16, 8);
        assertEquals(width, h.getInt(), f + " width");
        assertEquals(height, h.getInt(), f + " height");
    }

    static String[] args(Object... parts) {
        String[] s = new String[parts.length];
        for (int i = 0; i < parts.length; i++) s[i] = parts[i].toString();
        return s;
    }

    /**
     * Three Gaussian blobs in the plane with string labels: "setosa" around (0, 0),
     * "versicolor" around (3, 0), "virginica" around (0, 3), sd 0.5, shuffled by the seed.
     */
    static Path blobs(Path dir, String name, int perClass, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] labels = {"setosa", "versicolor", "virginica"};
        double[][] centres = {{0, 0}, {3, 0}, {0, 3}};
        StringBuilder b = new StringBuilder("width,height,species\n");
        for (int i = 0; i < perClass * 3; i++) {
            int k = r.nextInt(3);
            b.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", centres[k][0] + 0.5 * r.nextGaussian(),
                    centres[k][1] + 0.5 * r.nextGaussian(), labels[k]));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    static Path xor(Path dir) throws IOException {
        return Files.writeString(dir.resolve("xor.csv"), "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
    }

    /** The file names in a directory, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
