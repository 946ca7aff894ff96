package org.neurona.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST (LeCun et al., "The MNIST database of
 * handwritten digits", http://yann.lecun.com/exdb/mnist/), plain or gzip-compressed (detected
 * by the gzip magic bytes 1f 8b, not by the file name).
 *
 * <p>An IDX file is a big-endian header followed by the values: a magic number 00 00 TT DD,
 * where TT is the value type (08 = unsigned byte, the only one MNIST uses) and DD the number of
 * dimensions, then DD sizes as 32-bit integers, then the values in row-major order. Image
 * files have 3 dimensions (count, rows, columns); label files have 1 (count).
 *
 * <p>Pixels 0..255 are scaled to [0, 1] (divided by 255) and returned as rows of a (N, rows *
 * columns) float matrix; labels become one-hot targets. Every malformed file (wrong magic,
 * wrong dimensions, truncated data, trailing bytes, a label count that does not match the
 * image count) is an {@link IllegalArgumentException} naming the file and what was expected.
 */
public final class Idx {
    private Idx() {}

    private static final int UNSIGNED_BYTE = 0x08;

    /**
     * Images from an IDX file.
     *
     * @param pixels (count, rows * columns), row-major, each in [0, 1]
     * @param count  number of images N
     * @param rows   image height
     * @param columns image width
     */
    public record Images(float[] pixels, int count, int rows, int columns) {
        /** Values per image: rows * columns. */
        public int size() {
            return rows * columns;
        }
    }

    /**
     * Reads an image file (3 dimensions, unsigned bytes), scaling pixels to [0, 1].
     *
     * @throws IllegalArgumentException for a file that is not a well-formed IDX image file
     * @throws IOException              when the file cannot be read (missing, unreadable)
     */
    public static Images readImages(Path file) throws IOException {
        String src = file.toString();
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, src);
            if (dims.length != 3) {
                throw new IllegalArgumentException(src + ": IDX file with " + dims.length + " dimension"
                        + (dims.length == 1 ? " (a label file?)" : "s") + "; expected images with 3 dimensions (count, rows, columns)");
            }
            int n = dims[0], h = dims[1], w = dims[2];
            long total = (long) n * h * w;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(src + ": " + n + " images of " + h + "x" + w + " is too large to load");
            }
            float[] scale = new float[256];
            for (int v = 0; v < 256; v++) scale[v] = v / 255f;
            float[] pixels = new float[(int) total];
            byte[] buf = new byte[1 << 16];
            int done = 0;
            while (done < total) {
                int want = (int) Math.min(buf.length, total - done);
                int got = readFully(in, buf, want);
                for (int i = 0; i < got; i++) pixels[done + i] = scale[buf[i] & 0xff];
                done += got;
                if (got < want) {
                    throw new IllegalArgumentException(src + ": truncated: the header says " + n + " images of "
                            + h + "x" + w + " (" + total + " pixel bytes), but the file ends after " + done);
                }
            }
            expectEnd(in, src);
            return new Images(pixels, n, h, w);
        } catch (EOFException | ZipException e) {
            throw new IllegalArgumentException(src + ": truncated or corrupt (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a label file (1 dimension, unsigned bytes).
     *
     * @throws IllegalArgumentException for a file that is not a well-formed IDX label file
     * @throws IOException              when the file cannot be read (missing, unreadable)
     */
    public static int[] readLabels(Path file) throws IOException {
        String src = file.toString();
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, src);
            if (dims.length != 1) {
                throw new IllegalArgumentException(src + ": IDX file with " + dims.length + " dimensions"
                        + (dims.length == 3 ? " (an image file?)" : "") + "; expected labels with 1 dimension (count)");
            }
            int n = dims[0];
            byte[] raw = new byte[n];
            int got = readFully(in, raw, n);
            if (got < n) {
                throw new IllegalArgumentException(src + ": truncated: the header says " + n + " labels, but the file ends after " + got);
            }
            expectEnd(in, src);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) labels[i] = raw[i] & 0xff;
            return labels;
        } catch (EOFException | ZipException e) {
            throw new IllegalArgumentException(src + ": truncated or corrupt (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Images and labels as a classification dataset with one-hot targets over the classes
     * "0", "1", ..., numClasses - 1.
     *
     * @param numClasses the number of classes, or 0 to use the largest label + 1
     * @throws IllegalArgumentException when the counts differ or a label is out of range
     */
    public static Dataset load(Path images, Path labels, int numClasses) throws IOException {
        Images im = readImages(images);
        int[] lab = readLabels(labels);
        if (lab.length != im.count()) {
            throw new IllegalArgumentException(images + " has " + im.count() + " images but " + labels + " has "
                    + lab.length + " labels; expected one label per image");
        }
        int k = numClasses;
        if (k <= 0) {
            for (int v : lab) k = Math.max(k, v + 1);
        }
        float[] b = new float[lab.length * k];
        for (int i = 0; i < lab.length; i++) {
            if (lab[i] >= k) {
                throw new IllegalArgumentException(labels + ": label " + (i + 1) + " is " + lab[i] + "; expected 0.." + (k - 1));
            }
            b[i * k + lab[i]] = 1f;
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < k; c++) classes.add(Integer.toString(c));
        return new Dataset(im.pixels(), b, im.count(), im.size(), k, classes, images.getFileName().toString());
    }

    /** Whether the file starts like an IDX file (plain or gzip): for choosing a reader by content. */
    public static boolean looksLikeIdx(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            if (b0 == 0x1f && b1 == 0x8b) {
                raw.reset();
                try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
                    return in.readUnsignedByte() == 0 && in.readUnsignedByte() == 0;
                }
            }
            return b0 == 0 && b1 == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read(), b1 = raw.read();
        raw.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
        return new DataInputStream(in);
    }

    /** The sizes from the header; checks the magic number. */
    private static int[] header(DataInputStream in, String src) throws IOException {
        byte[] magic = new byte[4];
        int got = readFully(in, magic, 4);
        if (got == 0) throw new IllegalArgumentException(src + ": the file is empty; expected an IDX file");
        if (got < 4 || magic[0] != 0 || magic[1] != 0) {
            throw new IllegalArgumentException(src + ": not an IDX file (magic number " + hex(magic, got)
                    + "); expected 00 00 08 01 (labels) or 00 00 08 03 (images)");
        }
        int type = magic[2] & 0xff, ndim = magic[3] & 0xff;
        if (type != UNSIGNED_BYTE) {
            throw new IllegalArgumentException(src + ": IDX value type 0x" + String.format("%02x", type)
                    + " is not supported; expected 0x08 (unsigned bytes, as MNIST uses)");
        }
        if (ndim == 0) throw new IllegalArgumentException(src + ": IDX header with 0 dimensions; expected 1 or 3");
        int[] dims = new int[ndim];
        for (int d = 0; d < ndim; d++) {
            dims[d] = in.readInt();
            if (dims[d] < 0) {
                throw new IllegalArgumentException(src + ": dimension " + (d + 1) + " is " + dims[d] + "; expected a size >= 0");
            }
        }
        return dims;
    }

    private static void expectEnd(InputStream in, String src) throws IOException {
        if (in.read() != -1) {
            throw new IllegalArgumentException(src + ": longer than its header says (extra bytes after the data); corrupt file?");
        }
    }

    /** Reads up to n bytes, returning how many were read before the end of the stream. */
    private static int readFully(InputStream in, byte[] buf, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int r = in.read(buf, done, n - done);
            if (r < 0) break;
            done += r;
        }
        return done;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
        return s.toString();
    }
}
