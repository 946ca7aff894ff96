package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input of the CLI issue, run as a user would: a one-line message naming the
 * problem, exit code 2, no stack trace, and no output file (not even a partial one) left behind.
 */
class CliErrorsTest {

    @TempDir
    Path dir;

    private Path model;
    private Path xor;

    @BeforeEach
    void trainAModel() throws IOException {
        xor = Cli.xor(dir);
        model = dir.resolve("xor.json");
        Cli.Run r = Cli.run(Cli.args("train", "--data", xor, "--layers", "2:3:1", "--epochs", 10, "--save", model));
        assertEquals(0, r.exit(), r.toString());
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /**
     * Runs a train command that would save a model and a plot, and checks: exit 2, stderr is
     * exactly one "error: ..." line containing {@code message}, nothing written.
     */
    private Cli.Run badTrain(String message, Object... args) throws IOException {
        List<String> before = Cli.files(dir);
        List<Object> all = new ArrayList<>(List.of("train"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--save", dir.resolve("out.json"), "--plot", dir.resolve("out.png")));
        return bad(before, message, all.toArray());
    }

    private Cli.Run bad(List<String> before, String message, Object... args) throws IOException {
        Cli.Run r = Cli.run(Cli.args(args));
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: "), r.toString());
        assertTrue(r.err().contains(message), "expected '" + message + "' in\n" + r);
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug:\n" + r);
        assertEquals(before, Cli.files(dir), "no file may be left behind");
        return r;
    }

    private static int lines(String s) {
        return (int) s.lines().count();
    }

    @Test
    void missingFile() throws IOException {
        Path nope = dir.resolve("nope.csv");
        Cli.Run r = badTrain(nope + ": file not found", "--data", nope, "--layers", "2:1");
        assertEquals(1, lines(r.err()));
    }

    @Test
    void missingFileForANetTooLargeToWarmUp() throws IOException {
        // the warm-up beside reading is skipped for a net this size, not allocated, and does not hide the error
        Path nope = dir.resolve("nope.csv");
        for (String layers : new String[] {"10000000:1", "784:20000:20000:10"}) {
            Cli.Run r = badTrain(nope + ": file not found", "--data", nope, "--layers", layers, "--mode", "minibatch",
                    "--batch-size", "1024");
            assertEquals(1, lines(r.err()), r.toString());
        }
    }

    /** Output files are checked before any training: a long run must not end on an unwritable path. */
    @Test
    void outputsThatCannotBeWrittenAreRefusedBeforeTraining() throws IOException {
        Path nodir = dir.resolve("nodir").resolve("m.json"), both = dir.resolve("both.json"), jpg = dir.resolve("e.jpg");
        List<String> files = Cli.files(dir);
        Cli.Run r = bad(files, "--save " + nodir + ": folder " + dir.resolve("nodir") + " does not exist",
                "train", "--data", xor, "--layers", "2:3:1", "--save", nodir);
        assertFalse(r.err().contains("epoch"), "refused before training:\n" + r);
        bad(files, "--save " + dir + ": is a folder; expected a file name",
                "train", "--data", xor, "--layers", "2:3:1", "--save", dir);
        bad(files, "--save " + xor + ": is a file this command reads; writing it would overwrite it",
                "train", "--data", xor, "--layers", "2:3:1", "--save", xor);
        bad(files, "--history " + both + ": is also given to --save; expected two files",
                "train", "--data", xor, "--layers", "2:3:1", "--save", both, "--history", both);
        bad(files, "--plot " + jpg + ": pictures are written as PNG or SVG",
                "train", "--data", xor, "--layers", "2:3:1", "--plot", jpg);
        assertEquals("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n", Files.readString(xor), "the data file is untouched");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = file("empty.csv", "");
        Cli.Run r = badTrain(f + ": the file is empty", "--data", f, "--layers", "2:1");
        assertEquals(1, lines(r.err()));
    }

    @Test
    void wrongFieldCountGivesFileLineAndExpectedCount() throws IOException {
        Path f = file("short.csv", "x1,x2,y\n1,2,0\n\n3,4\n");
        Cli.Run r = badTrain(f + ", line 4: 2 fields, expected 3 (as in line 1)", "--data", f, "--layers", "2:1");
        assertEquals(1, lines(r.err()));
    }

    @Test
    void nonNumericValueGivesFileLineColumnAndValue() throws IOException {
        Path f = file("text.csv", "x1,x2,y\n1,2,0\n3,four,1\n");
        badTrain(f + ", line 3, column 2: (x2) value 'four' is not a number", "--data", f, "--layers", "2:1");
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        Path nan = file("nan.csv", "1,2,0\nNaN,4,1\n");
        badTrain(nan + ", line 2, column 1: value 'NaN' is not finite", "--data", nan, "--layers", "2:1");
        Path inf = file("inf.csv", "1;2;0\n3;-Inf;1\n");
        badTrain(inf + ", line 2, column 2: value '-Inf' is not finite", "--data", inf, "--layers", "2:1");
    }

    @Test
    void layerSpecNotMatchingTheData() throws IOException {
        badTrain("--layers 3:3:1 has 3 inputs, but " + xor + " has 2 input columns (x1, x2); use --layers 2:3:1",
                "--data", xor, "--layers", "3:3:1");
        Path iris = Cli.blobs(dir, "iris.csv", 5, 1);
        badTrain("--layers 2:3:2 has 2 outputs, but " + iris + " has 3 classes (setosa, versicolor, virginica) one-hot encoded;"
                + " use --layers 2:3:3", "--data", iris, "--layers", "2:3:2");
        badTrain("layer spec '2::1': size 2 is ''", "--data", xor, "--layers", "2::1");
    }

    /** evaluate and the plots that score a model read its data one way, so they refuse a wrong width alike. */
    @Test
    void dataOfTheWrongWidthForAModelIsNamedByEvaluateAndThePlots() throws IOException {
        Path normalised = dir.resolve("norm.json");
        Cli.Run r = Cli.run(Cli.args("train", "--data", xor, "--layers", "2:3:1", "--normalize", "zscore", "--epochs", 10,
                "--save", normalised));
        assertEquals(0, r.exit(), r.toString());
        // without a header the columns are matched by position (with one, by name: CliTest)
        Path wide = file("wide.csv", "0,0,1,0\n0,1,0,1\n1,0,0,1\n1,1,1,0\n");
        String message = wide + " has 3 input columns (column 1, column 2, column 3) and 1 target column (column 4),"
                + " but the model " + normalised + " has 2 inputs and 1 outputs";
        // evaluate used to apply the model's normalisation first and say only "normalisation fitted on 2 columns, ..."
        bad(Cli.files(dir), message, "evaluate", "--model", normalised, "--data", wide);
        bad(Cli.files(dir), message, "plot", "regression", "--model", normalised, "--data", wide, "--out", dir.resolve("r.png"));
    }

    @Test
    void unknownOptionGetsPicocliMessageAndSuggestion() throws IOException {
        Cli.Run r = badTrain("Unknown options: '--etta', '0.1'", "--data", xor, "--layers", "2:1", "--etta", "0.1");
        assertTrue(r.err().contains("--eta"), r.err());
        Cli.Run c = bad(Cli.files(dir), "Unmatched argument at index 0: 'trian'", "trian");
        assertTrue(c.err().contains("Did you mean: neurona train?"), c.err());
        bad(Cli.files(dir), "Invalid value for option '--eta': 'fast' is not a double", "train", "--data", xor,
                "--layers", "2:1", "--eta", "fast");
        bad(Cli.files(dir), "Missing required option: '--layers=SIZES'", "train", "--data", xor);
        // a misspelt required option is named as the error, not the option it left missing
        Cli.Run typo = bad(Cli.files(dir), "Unknown options: '--dat', '" + xor + "'", "train", "--dat", xor,
                "--layers", "2:1");
        assertFalse(typo.err().contains("Missing required"), typo.err());
    }

    @Test
    void unknownActivationIsNamed() throws IOException {
        Cli.Run r = badTrain("unknown activation 'sigmod'; did you mean 'sigmoid'?", "--data", xor, "--layers", "2:1", "--activation", "sigmod");
        assertEquals(1, lines(r.err()));
    }

    @Test
    void corruptOrTruncatedModelFile() throws IOException {
        String text = Files.readString(model);
        Path cut = file("cut.json", text.substring(0, text.length() / 2));
        Path preds = dir.resolve("preds.csv");
        bad(Cli.files(dir), cut + ", line ", "predict", "--model", cut, "--data", xor, "--out", preds);
        bad(Cli.files(dir), "corrupt or truncated model file", "evaluate", "--model", cut, "--data", xor);
        Path newer = file("newer.json", text.replace("\"format_version\": 1", "\"format_version\": 3"));
        bad(Cli.files(dir), newer + ": model format version 3 is newer than this neurona reads (up to 2)",
                "evaluate", "--model", newer, "--data", xor);
        Path empty = file("empty.json", "");
        bad(Cli.files(dir), empty + ": the file is empty", "predict", "--model", empty, "--data", xor, "--out", preds);
    }

    @Test
    void corruptIdxFiles() throws IOException {
        byte[] images = ByteBuffer.allocate(16 + 8).putInt(0x803).putInt(2).putInt(2).putInt(2).put(new byte[8]).array();
        Path im = Files.write(dir.resolve("im.idx"), images);
        Path wrongMagic = Files.write(dir.resolve("magic.idx"), new byte[] {0, 0, 9, 3, 0, 0, 0, 0});
        badTrain(wrongMagic + ": IDX value type 0x09 is not supported", "--data", wrongMagic, "--labels", wrongMagic,
                "--layers", "4:2");
        Path cut = Files.write(dir.resolve("cut.idx"), Arrays.copyOf(images, 20));
        Path labels = Files.write(dir.resolve("lab.idx"), ByteBuffer.allocate(11).putInt(0x801).putInt(3).put(new byte[3]).array());
        badTrain(cut + ": truncated: the header says 2 images of 2x2 (8 pixel bytes), but the file ends after 4",
                "--data", cut, "--labels", labels, "--layers", "4:2");
        badTrain(im + " has 2 images but " + labels + " has 3 labels", "--data", im, "--labels", labels, "--layers", "4:2");
        badTrain(im + " is an IDX image file; give its labels with --labels FILE", "--data", im, "--layers", "4:2");
        // labels 0 and 5 make 6 classes: too few outputs are named with the --layers that fits
        Path six = Files.write(dir.resolve("six.idx"), ByteBuffer.allocate(10).putInt(0x801).putInt(2).put((byte) 0)
                .put((byte) 5).array());
        badTrain("--layers 4:2 has 2 outputs, but " + im + " has 6 classes", "--data", im, "--labels", six, "--layers", "4:2");
    }

    @Test
    void aTestSetUnlikeTheTrainingSetIsNamed() throws IOException {
        Path abc = file("abc.csv", "x1,x2,y\n0,0,a\n0,1,b\n1,0,c\n");
        badTrain("--test-data " + abc + " has 2 input columns (x1, x2) and 3 classes (a, b, c) one-hot encoded, but the"
                + " training data " + xor + " has 2 input columns (x1, x2) and 1 target column (y)",
                "--data", xor, "--layers", "2:3:1", "--test-data", abc);
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Path nope = dir.resolve("nope.csv");
        Cli.Run r = Cli.run(Cli.args("train", "--data", nope, "--layers", "2:1", "--debug"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("\tat org.neurona."), r.err());
    }

    @Test
    void divergenceIsAFailureWithAdvice() throws IOException {
        Path out = dir.resolve("never.json");
        Cli.Run r = Cli.run(Cli.args("train", "--data", xor, "--layers", "2:1", "--activation", "linear",
                "--eta", 100, "--epochs", 5000, "--save", out));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("error: training diverged at epoch"), r.err());
        assertTrue(r.err().contains("smaller learning rate"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void noCommandShowsTheCommandsAndIsAUsageError() {
        Cli.Run r = Cli.run(new String[0]);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Commands:"), r.err());
    }

    @Test
    void versionAndHelp() {
        Cli.Run v = Cli.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("neurona "), v.out());
        for (String cmd : List.of("demo", "train", "predict", "evaluate", "plot")) {
            Cli.Run h = Cli.run(cmd, "--help");
            assertEquals(0, h.exit(), cmd);
            assertTrue(h.out().contains("Examples:"), cmd + " --help has examples:\n" + h.out());
        }
        for (String sub : List.of("activations", "boundary", "history")) {
            assertTrue(Cli.run("plot", sub, "--help").out().contains("Examples:"), "plot " + sub);
        }
    }
}
