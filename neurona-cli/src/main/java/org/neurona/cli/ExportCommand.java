package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurona.io.AtomicFiles;
import org.neurona.snns.SnnsFeedForward;
import org.neurona.snns.SnnsNet;
import org.neurona.snns.SnnsNetFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a saved model as an SNNS network file ({@code .net}, V1.4-3D), as RSNNS's
 * {@code exportToSnnsNetFile} does, so that SNNS, JavaNNS or RSNNS can load the trained net.
 * The conversion is {@link SnnsFeedForward#toSnns}: logistic, tanh, linear and softsign layers.
 * A .net file holds units and links only: input normalisation, class labels and column names
 * stay behind (a warning says so when the model has a normalisation, which changes what the
 * net computes).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Export a saved model as an SNNS network file (.net).",
        description = {"Export a saved model to another tool's format: an SNNS network file (.net), as RSNNS's",
            "exportToSnnsNetFile writes it. Layers must be logistic, tanh, linear or softsign."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona export --model xor.json --format snns --out xor.net",
            "  neurona export --model xor.json --out xor.net --decimals 9 --name xor",
        })
final class ExportCommand implements Callable<Integer> {

    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Target format: snns (the default and, for now, the only one).")
    String format = "snns";

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The .net file to write.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Network name stored in the file (default: the model file's name).")
    String name;

    @Option(names = "--decimals", paramLabel = "D",
            description = "Decimals of weights and biases, 1 to 9 (default 5, as SNNS writes them; 9 keeps a trained float net).")
    int decimals = SnnsNetFile.SNNS_DECIMALS;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.trim().equalsIgnoreCase("snns")) {
            throw new IllegalArgumentException("--format " + format + ": expected snns (an SNNS .net file)");
        }
        if (decimals < 1 || decimals > 9) {
            throw new IllegalArgumentException("--decimals " + decimals + ": expected 1 to 9");
        }
        Out o = new Out(spec, false);
        new Outputs().reads(modelOptions.file).writes("--out", out).check();
        Model model = modelOptions.load();
        String netName = name != null ? name : stem(modelOptions.file);
        SnnsNet net;
        try {
            net = SnnsFeedForward.toSnns(model.net, netName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(modelOptions.file + ": " + e.getMessage(), e);
        }
        if (model.scaling != null) {
            o.warn("%s normalises its inputs (%s) before the first layer; a .net file cannot hold that, so SNNS must be"
                    + " given inputs normalised the same way (see the model file's data.normalization)",
                    modelOptions.file, Model.kindName(model.scaling.kind()));
        }
        if (model.targetScaling != null) {
            o.warn("%s was trained on normalised targets (%s) and takes its outputs back to the targets' units; a .net"
                    + " file cannot hold that, so SNNS's outputs are the normalised ones (see the model file's"
                    + " data.target_normalization)", modelOptions.file, Model.kindName(model.targetScaling.kind()));
        }
        String text = SnnsNetFile.format(net, LocalDateTime.now().format(CTIME), decimals);
        AtomicFiles.writeString(out, text);
        o.say("%s (%s, %d units, %d links) written to %s as SNNS network '%s'", modelOptions.file, sizes(model),
                net.units().size(), net.links().size(), out, netName);
        return Main.OK;
    }

    static String sizes(Model m) {
        StringBuilder s = new StringBuilder().append(m.net.inputs());
        m.net.layers().forEach(d -> s.append(':').append(d.outputs()));
        return s.toString();
    }

    /** "xor" for "dir/xor.json". */
    static String stem(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
