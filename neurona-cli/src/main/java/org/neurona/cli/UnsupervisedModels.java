package org.neurona.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurona.io.AtomicFiles;
import org.neurona.io.DataFileException;
import org.neurona.net.competitive.Competitive;
import org.neurona.net.competitive.CompetitiveDecay;
import org.neurona.net.competitive.CompetitiveSpec;
import org.neurona.net.competitive.Som;
import org.neurona.net.competitive.SomSpec;

/**
 * Model files of the clustering networks: a competitive layer or a Kohonen map, as versioned,
 * human-readable JSON written atomically. Format version 1:
 * <pre>
 * {
 *   "format": "neurona-unsupervised",
 *   "format_version": 1,
 *   "written_by": "neurona 0.1.0",
 *   "kind": "competitive",                 // or "som"
 *   "inputs": 2,
 *   "input_names": ["x", "y"],
 *   "spec": { "units": 4, "epochs": 100, "eta": 0.1, "eta_end": 0.01, "decay": "exponential",
 *             "winner": "nearest", "conscience": 10, "conscience_rate": 1e-4, "leak": 0, "seed": 1 },
 *             // som: "rows", "cols", "epochs", "eta", "eta_end", "radius", "radius_end", "decay", "seed"
 *   "quantization_error": 0.97,
 *   "prototypes": [[w11, w12], [w21, w22], ...]   // (K, I): one row per unit; SOM unit u = row * cols + col
 * }
 * </pre>
 * Prototypes are float32 in the shortest decimal form that reads back to the same float. A file
 * of a newer format version is refused with a message that says so.
 */
final class UnsupervisedModels {
    private UnsupervisedModels() {}

    /** The value of the "format" field. */
    static final String FORMAT = "neurona-unsupervised";
    /** The format version written, and the newest read. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A clustering model read back: exactly one of {@code competitive} and {@code som} is set.
     *
     * @param kind        "competitive" or "som"
     * @param inputNames  names of the input columns (may be empty)
     */
    record Clusters(String kind, Competitive competitive, Som som, List<String> inputNames) {
        int inputs() {
            return competitive != null ? competitive.inputs() : som.inputs();
        }
    }

    static void write(Path file, Competitive net, List<String> inputNames, double qe) throws IOException {
        CompetitiveSpec s = net.spec();
        ObjectNode root = header("competitive", net.inputs(), inputNames);
        ObjectNode spec = root.putObject("spec");
        spec.put("units", s.units());
        spec.put("epochs", s.epochs());
        spec.put("eta", s.eta());
        spec.put("eta_end", s.etaEnd());
        spec.put("decay", s.decay().name().toLowerCase(Locale.ROOT));
        spec.put("winner", s.winner() == CompetitiveSpec.Winner.NEAREST ? "nearest" : "dot");
        spec.put("conscience", s.conscience());
        spec.put("conscience_rate", s.conscienceRate());
        spec.put("leak", s.leak());
        spec.put("seed", s.seed());
        finish(file, root, qe, net.prototypes(), s.units(), net.inputs());
    }

    static void write(Path file, Som som, List<String> inputNames, double qe) throws IOException {
        SomSpec s = som.spec();
        ObjectNode root = header("som", som.inputs(), inputNames);
        ObjectNode spec = root.putObject("spec");
        spec.put("rows", s.rows());
        spec.put("cols", s.cols());
        spec.put("epochs", s.epochs());
        spec.put("eta", s.eta());
        spec.put("eta_end", s.etaEnd());
        spec.put("radius", s.radius());
        spec.put("radius_end", s.radiusEnd());
        spec.put("decay", s.decay().name().toLowerCase(Locale.ROOT));
        spec.put("seed", s.seed());
        finish(file, root, qe, som.weights(), s.units(), som.inputs());
    }

    private static ObjectNode header(String kind, int inputs, List<String> inputNames) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("written_by", Version.full());
        root.put("kind", kind);
        root.put("inputs", inputs);
        ArrayNode names = root.putArray("input_names");
        inputNames.forEach(names::add);
        return root;
    }

    private static void finish(Path file, ObjectNode root, double qe, float[] w, int units, int inputs) throws IOException {
        if (Double.isFinite(qe)) root.put("quantization_error", qe);
        else root.putNull("quantization_error");
        ArrayNode rows = root.putArray("prototypes");
        for (int k = 0; k < units; k++) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < inputs; j++) row.add(w[k * inputs + j]);
        }
        byte[] text = (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(text));
    }

    /**
     * Reads a clustering model of any format version up to {@link #FORMAT_VERSION}.
     *
     * @throws DataFileException for a missing, corrupt, inconsistent or newer file, naming the field
     */
    static Clusters read(Path file) {
        String src = file.toString();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new DataFileException(src, 0, 0, "file not found");
        } catch (JsonProcessingException e) {
            throw new DataFileException(src, 0, 0, "corrupt or truncated model file (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new DataFileException(src, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new DataFileException(src, 0, 0, "not a neurona clustering model; expected \"format\": \"" + FORMAT + "\"");
        }
        int version = root.path("format_version").asInt(0);
        if (version > FORMAT_VERSION) {
            throw new DataFileException(src, 0, 0, "format version " + version + " is newer than this neurona reads (up to "
                    + FORMAT_VERSION + "); it was written by " + root.path("written_by").asText("a newer neurona")
                    + ". Use a newer neurona to load it.");
        }
        if (version < 1) throw bad(src, "format_version", "a whole number from 1 to " + FORMAT_VERSION);
        String kind = root.path("kind").asText("");
        int inputs = root.path("inputs").asInt(0);
        if (inputs < 1) throw bad(src, "inputs", "a positive whole number");
        List<String> names = new ArrayList<>();
        for (JsonNode n : root.path("input_names")) names.add(n.asText());
        JsonNode spec = root.path("spec");
        JsonNode protos = root.path("prototypes");
        if (!protos.isArray()) throw bad(src, "prototypes", "an array of rows");
        float[] w = new float[protos.size() * inputs];
        for (int k = 0; k < protos.size(); k++) {
            JsonNode row = protos.get(k);
            if (!row.isArray() || row.size() != inputs) throw bad(src, "prototypes[" + k + "]", inputs + " numbers");
            for (int j = 0; j < inputs; j++) {
                if (!row.get(j).isNumber()) throw bad(src, "prototypes[" + k + "][" + j + "]", "a number");
                w[k * inputs + j] = Float.parseFloat(row.get(j).asText());
            }
        }
        try {
            return switch (kind) {
                case "competitive" -> {
                    CompetitiveSpec s = new CompetitiveSpec(spec.path("units").asInt(0), spec.path("epochs").asInt(0),
                            spec.path("eta").asDouble(), spec.path("eta_end").asDouble(),
                            CompetitiveDecay.parse(spec.path("decay").asText("exponential")),
                            CompetitiveSpec.Winner.parse(spec.path("winner").asText("nearest")),
                            spec.path("conscience").asDouble(), spec.path("conscience_rate").asDouble(1e-4),
                            spec.path("leak").asDouble(), spec.path("seed").asLong());
                    yield new Clusters(kind, Competitive.of(s, inputs, w), null, names);
                }
                case "som" -> {
                    SomSpec s = new SomSpec(spec.path("rows").asInt(0), spec.path("cols").asInt(0), spec.path("epochs").asInt(0),
                            spec.path("eta").asDouble(), spec.path("eta_end").asDouble(), spec.path("radius").asDouble(),
                            spec.path("radius_end").asDouble(), CompetitiveDecay.parse(spec.path("decay").asText("exponential")),
                            spec.path("seed").asLong());
                    yield new Clusters(kind, null, Som.of(s, inputs, w), names);
                }
                default -> throw bad(src, "kind", "\"competitive\" or \"som\", got \"" + kind + "\"");
            };
        } catch (DataFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, 0, 0, kind + " model: " + e.getMessage());
        }
    }

    private static DataFileException bad(String src, String field, String expected) {
        return new DataFileException(src, 0, 0, "\"" + field + "\" is missing or malformed; expected " + expected);
    }
}
