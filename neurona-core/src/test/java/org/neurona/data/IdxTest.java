package org.neurona.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    /** Two 2x3 images: 0, 51, 102 / 153, 204, 255 and their reverse. */
    private static final byte[] PIXELS = {0, 51, 102, (byte) 153, (byte) 204, (byte) 255,
                                          (byte) 255, (byte) 204, (byte) 153, 102, 51, 0};

    private static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) b.putInt(d);
        b.put(data);
        return b.array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path images() throws IOException {
        return write("images", idx(8, new int[] {2, 2, 3}, PIXELS));
    }

    private Path labels(byte... l) throws IOException {
        return write("labels", idx(8, new int[] {l.length}, l));
    }

    private static String error(Executable e) {
        return assertThrows(IllegalArgumentException.class, e::run).getMessage();
    }

    private interface Executable {
        void run() throws Exception;
    }

    @Test
    void readsPlainImagesScaledToUnitRange() throws IOException {
        Idx.Images im = Idx.readImages(images());
        assertEquals(2, im.count());
        assertEquals(2, im.rows());
        assertEquals(3, im.columns());
        assertArrayEquals(new float[] {0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f, 1f, 0.8f, 0.6f, 0.4f, 0.2f, 0f}, im.pixels(), 1e-7f);
    }

    @Test
    void gzipIsDetectedByMagicNotByName() throws IOException {
        Path gz = write("images.bin", gzip(idx(8, new int[] {2, 2, 3}, PIXELS)));
        assertArrayEquals(Idx.readImages(images()).pixels(), Idx.readImages(gz).pixels());
        Path lab = write("l.gz", gzip(idx(8, new int[] {2}, new byte[] {7, 2})));
        assertArrayEquals(new int[] {7, 2}, Idx.readLabels(lab));
        assertTrue(Idx.looksLikeIdx(gz));
        assertTrue(Idx.looksLikeIdx(lab));
        assertFalse(Idx.looksLikeIdx(write("a.csv", "1,2,3\n".getBytes())));
    }

    @Test
    void loadGivesOneHotTargetsWithDigitClasses() throws IOException {
        Dataset d = Idx.load(images(), labels((byte) 3, (byte) 1), 10);
        assertEquals(2, d.rows());
        assertEquals(6, d.inputs());
        assertEquals(10, d.outputs());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), d.classes());
        assertEquals(1f, d.b()[3]);
        assertEquals(1f, d.b()[10 + 1]);
        assertEquals(2f, sum(d.b()));
        assertEquals(4, Idx.load(images(), labels((byte) 3, (byte) 1), 0).outputs());
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) s += v;
        return s;
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        Path text = write("text", "x1,x2\n1,2\n".getBytes());
        assertEquals(text + ": not an IDX file (magic number 78 31 2c 78); expected 00 00 08 01 (labels) or 00 00 08 03 (images)",
                error(() -> Idx.readImages(text)));
        Path floats = write("floats", idx(0x0D, new int[] {1}, new byte[4]));
        assertTrue(error(() -> Idx.readLabels(floats)).contains("value type 0x0d is not supported"));
        Path empty = write("empty", new byte[0]);
        assertEquals(empty + ": the file is empty; expected an IDX file", error(() -> Idx.readImages(empty)));
    }

    @Test
    void wrongKindOfFileIsNamed() throws IOException {
        Path lab = labels((byte) 1, (byte) 2);
        assertEquals(lab + ": IDX file with 1 dimension (a label file?); expected images with 3 dimensions (count, rows, columns)",
                error(() -> Idx.readImages(lab)));
        Path im = images();
        assertTrue(error(() -> Idx.readLabels(im)).contains("(an image file?)"));
    }

    @Test
    void truncatedDataIsRejected() throws IOException {
        byte[] full = idx(8, new int[] {2, 2, 3}, PIXELS);
        Path cut = write("cut", Arrays.copyOf(full, full.length - 5));
        assertEquals(cut + ": truncated: the header says 2 images of 2x3 (12 pixel bytes), but the file ends after 7",
                error(() -> Idx.readImages(cut)));
        Path cutHeader = write("cuthdr", Arrays.copyOf(full, 9));
        assertTrue(error(() -> Idx.readImages(cutHeader)).startsWith(cutHeader + ": truncated or corrupt"));
        byte[] gz = gzip(full);
        Path cutGz = write("cut.gz", Arrays.copyOf(gz, gz.length - 12));
        assertTrue(error(() -> Idx.readImages(cutGz)).startsWith(cutGz + ": truncated"));
        Path cutLabels = write("cutl", Arrays.copyOf(idx(8, new int[] {5}, new byte[5]), 10));
        assertEquals(cutLabels + ": truncated: the header says 5 labels, but the file ends after 2",
                error(() -> Idx.readLabels(cutLabels)));
        Path longer = write("long", idx(8, new int[] {1}, new byte[] {1, 2}));
        assertTrue(error(() -> Idx.readLabels(longer)).contains("longer than its header says"));
    }

    @Test
    void countMismatchAndOutOfRangeLabelsAreRejected() throws IOException {
        Path im = images();
        Path three = labels((byte) 1, (byte) 2, (byte) 3);
        assertEquals(im + " has 2 images but " + three + " has 3 labels; expected one label per image",
                error(() -> Idx.load(im, three, 10)));
        Path big = labels((byte) 1, (byte) 12);
        assertEquals(big + ": label 2 is 12; expected 0..9", error(() -> Idx.load(im, big, 10)));
    }

    @Test
    void readsTheRealFashionMnistTestSetWhenInstalled() throws IOException {
        Path d = Path.of("/usr/share/datasets/fashion-mnist");
        Assumptions.assumeTrue(Files.isDirectory(d),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist): skipping the real-file check");
        Dataset t = Idx.load(d.resolve("t10k-images-idx3-ubyte.gz"), d.resolve("t10k-labels-idx1-ubyte.gz"), 10);
        assertEquals(10_000, t.rows());
        assertEquals(784, t.inputs());
        int[] perClass = new int[10];
        for (int r = 0; r < t.rows(); r++) for (int k = 0; k < 10; k++) if (t.b()[r * 10 + k] == 1f) perClass[k]++;
        for (int k = 0; k < 10; k++) assertEquals(1000, perClass[k], "class " + k);   // the test set is balanced
        float min = 1, max = 0;
        for (float v : t.x()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(NoSuchFileException.class, () -> Idx.readImages(dir.resolve("nope")));
    }
}
