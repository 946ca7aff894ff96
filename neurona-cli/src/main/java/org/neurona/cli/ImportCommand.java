package org.neurona.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurona.io.ModelFile;
import org.neurona.net.FeedForward;
import org.neurona.snns.SnnsFeedForward;
import org.neurona.snns.SnnsNet;
import org.neurona.snns.SnnsNetFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reads a feedforward net made by SNNS, JavaNNS or RSNNS ({@code .net}, V1.4 or V1.4-3D) and
 * saves it as a neurona model file, which predict, evaluate and the plots then use. The
 * conversion is {@link SnnsFeedForward#toFeedForward}: a layered net of input, hidden and
 * output units with logistic, tanh, identity or Elliott activations. A .net file does not say
 * what its outputs mean; {@code --classes} makes the model a classifier.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        header = "Import a feedforward net from an SNNS network file (.net).",
        description = {"Import a feedforward net from an SNNS network file (.net, as SNNS, JavaNNS and RSNNS write it)",
            "into a neurona model file."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona import --in xor_mlp_2-2-1.net --out xor.json --classes 0,1",
            "  neurona evaluate --model xor.json --data xor.pat",
            "  neurona import --in encoder_mlp_8-3-8.net --out encoder.json",
        })
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--in", paramLabel = "FILE", required = true, description = "The SNNS .net file to read.")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The model file (JSON) to write.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format of --in: snns (the default and, for now, the only one).")
    String format = "snns";

    @Option(names = "--classes", paramLabel = "LABELS", split = ",",
            description = "Class labels of the outputs, one per output (one-hot), or two for a single 0/1 output:"
                    + " the model is then a classifier and evaluate reports accuracy. Default: none (numeric outputs).")
    List<String> classes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.trim().equalsIgnoreCase("snns")) {
            throw new IllegalArgumentException("--format " + format + ": expected snns (an SNNS .net file)");
        }
        Data.requireFile(in);
        new Outputs().reads(in).writes("--out", out).check();
        SnnsNet snns = SnnsNetFile.parse(Files.readString(in, StandardCharsets.ISO_8859_1), in.toString());
        FeedForward net;
        try {
            net = SnnsFeedForward.toFeedForward(snns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(in + ": " + e.getMessage(), e);
        }
        List<String> labels = classes == null ? List.of() : List.copyOf(classes);
        int outputs = net.outputs();
        if (!labels.isEmpty() && labels.size() != outputs && !(labels.size() == 2 && outputs == 1)) {
            throw new IllegalArgumentException("--classes " + String.join(",", labels) + ": " + labels.size() + " labels for "
                    + outputs + " output" + (outputs == 1 ? "" : "s") + "; expected one per output, or two for a single 0/1 output");
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("--classes " + String.join(",", labels) + ": labels must be distinct");
        }
        Model model = new Model(net, null, List.of(), List.of(), labels, "sse");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("imported_from", in.getFileName().toString());
        settings.put("snns_network", snns.name());
        settings.put("snns_learning_function", snns.learningFunction());
        ModelFile.write(out, model.toStored(settings, 0, Double.NaN, new double[0], new double[0]), Version.full());
        String acts = String.join(",", net.layers().stream().map(d -> d.activation().name()).toList());
        new Out(spec, false).say("SNNS network '%s' (%s, %s) from %s written to %s%s", snns.name(), ExportCommand.sizes(model),
                acts, in, out, labels.isEmpty() ? "" : " as a classifier of " + String.join(", ", labels));
        return Main.OK;
    }
}
