package org.neurona.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model file: versioned, human-readable JSON, written atomically.
 *
 * <p>Layout of format version 1 (fields in this order, so the header reads first):
 * <pre>
 * {
 *   "format": "neurona-model",
 *   "format_version": 1,
 *   "written_by": "neurona 0.1.0",
 *   "network": { "type": "feedforward", "sizes": [2, 3, 1],
 *                "activations": ["logistic", "logistic"], "loss": "sse" },
 *   "data": { "inputs": ["x1", "x2"], "targets": ["class"], "classes": ["a", "b"],
 *             "normalization": { "kind": "zscore", "shift": [..], "scale": [..] } },
 *   "training": { "settings": { "mode": "batch", "eta": 0.1, ... }, "epochs": 500,
 *                 "final_error": 0.0123, "history": [..], "validation_history": [..] },
 *   "layers": [ { "inputs": 2, "outputs": 3, "activation": "logistic",
 *                 "weights": [[w11, w12], [w21, w22], [w31, w32]],   // W (O, I), one row per unit
 *                 "biases": [b1, b2, b3], "params": { } } ]
 * }
 * </pre>
 * A recurrent net (Elman, Jordan) is the same layout with {@code "type": "recurrent"}, the
 * hidden and the output layer as its two layers, and the context in two more places:
 * <pre>
 *   "network": { "type": "recurrent", "kind": "elman", "sizes": [1, 16, 1],
 *                "activations": ["tanh", "linear"], "loss": "sse", "context": 16, "mu": 0.0 },
 *   "layers": [ { ..., "weights": W_x (H, I), "biases": b_h,
 *                 "context_weights": W_c (H, C), one row per hidden unit }, { W_y, b_y } ]
 * </pre>
 * and its normalisation applies to the series (inputs and targets are the same columns).
 * Weights are float32 written in the shortest decimal form that reads back to the same float,
 * so a saved model predicts bit-identically after loading. Normalisation maps an input x to
 * (x - shift) / scale before the first layer.
 *
 * <p>Compatibility: a reader accepts every format version up to {@link #FORMAT_VERSION}; a file
 * from a newer version is refused with a message that says so. Every past version has a
 * committed sample file that the tests keep loading. A new network type is not a new version:
 * every reader checks {@code network.type} first and refuses a type it does not know with a
 * message naming it (version 1 readers know only "feedforward"), so no reader can mistake a
 * recurrent net for a feedforward one; feedforward files stay exactly as version 1 wrote them.
 *
 * <p>Version 2 adds one field, {@code "data": { ..., "target_normalization": { "kind", "shift",
 * "scale" } }}: the transform the training targets were scaled by; outputs are taken back through
 * it, y = shift + scale * output. A reader of version 1 would ignore it and predict in the wrong
 * units, so only a file that has it says version 2; every other file is still written as version 1.
 */
public final class ModelFile {
    private ModelFile() {}

    /** The newest format version this code writes (only where a file needs it) and reads. */
    public static final int FORMAT_VERSION = 2;

    /** The value of the "format" field. */
    public static final String FORMAT = "neurona-model";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * Writes {@code model} to {@code file} atomically (temp file + rename).
     *
     * @param writtenBy the program and version, for the header ("neurona 0.1.0")
     */
    public static void write(Path file, StoredModel model, String writtenBy) throws IOException {
        ObjectNode root = toJson(model, writtenBy);
        AtomicFiles.write(file, out -> {
            MAPPER.writer(new MatrixPrettyPrinter()).writeValue(new NonClosing(out), root);
            out.write('\n');
        });
    }

    /**
     * Reads a model file of any format version up to {@link #FORMAT_VERSION}.
     *
     * @throws DataFileException for a missing, empty, corrupt, truncated, inconsistent or newer file
     */
    public static StoredModel read(Path file) {
        String src = file.toString();
        JsonNode root;
        try {
            if (Files.isDirectory(file)) throw new DataFileException(src, 0, 0, "is a directory; expected a model file");
            if (Files.size(file) == 0) {
                throw new DataFileException(src, 0, 0, "the file is empty; expected a neurona model (JSON)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = MAPPER.readTree(in);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(src, 0, 0, "file not found");
        } catch (AccessDeniedException e) {
            throw new DataFileException(src, 0, 0, "permission denied");
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            // the parser's own words, without its note on where the input came from
            String what = e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                    .replaceAll("\\s*(at )?\\[Source:[^\\]]*\\]", "");
            throw new DataFileException(src, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "corrupt or truncated model file (" + what + ")");
        } catch (IOException e) {
            throw new DataFileException(src, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new DataFileException(src, 0, 0, "not a neurona model file; expected a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        return fromJson((ObjectNode) root, src);
    }

    // ---- writing ----

    static ObjectNode toJson(StoredModel m, String writtenBy) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        // version 1 wherever it says all: readers of version 1 keep reading what they can
        root.put("format_version", m.targetNormalization() == null ? 1 : 2);
        root.put("written_by", writtenBy);

        ObjectNode net = root.putObject("network");
        StoredModel.Recurrent rec = m.recurrent();
        net.put("type", rec == null ? "feedforward" : "recurrent");
        if (rec != null) net.put("kind", rec.kind());
        ArrayNode sizes = net.putArray("sizes");
        for (int s : m.sizes()) sizes.add(s);
        ArrayNode acts = net.putArray("activations");
        for (String a : m.activations()) acts.add(a);
        net.put("loss", m.loss());
        if (rec != null) {
            net.put("context", rec.context());
            net.put("mu", rec.mu());
        }

        ObjectNode data = root.putObject("data");
        strings(data.putArray("inputs"), m.inputNames());
        strings(data.putArray("targets"), m.targetNames());
        strings(data.putArray("classes"), m.classes());
        if (m.normalization() == null) {
            data.putNull("normalization");
        } else {
            ObjectNode n = data.putObject("normalization");
            n.put("kind", m.normalization().kind());
            doubles(n.putArray("shift"), m.normalization().shift());
            doubles(n.putArray("scale"), m.normalization().scale());
        }
        if (m.targetNormalization() != null) {
            ObjectNode n = data.putObject("target_normalization");
            n.put("kind", m.targetNormalization().kind());
            doubles(n.putArray("shift"), m.targetNormalization().shift());
            doubles(n.putArray("scale"), m.targetNormalization().scale());
        }

        ObjectNode tr = root.putObject("training");
        tr.set("settings", MAPPER.valueToTree(m.settings()));
        tr.put("epochs", m.epochs());
        putDouble(tr, "final_error", m.finalError());
        doubles(tr.putArray("history"), m.history());
        doubles(tr.putArray("validation_history"), m.validationHistory());

        ArrayNode layers = root.putArray("layers");
        for (StoredModel.Layer l : m.layers()) {
            ObjectNode ln = layers.addObject();
            ln.put("inputs", l.inputs());
            ln.put("outputs", l.outputs());
            ln.put("activation", l.activation());
            ArrayNode w = ln.putArray("weights");
            for (int o = 0; o < l.outputs(); o++) floats(w.addArray(), l.weights(), o * l.inputs(), l.inputs());
            floats(ln.putArray("biases"), l.biases(), 0, l.biases().length);
            if (rec != null && ln == layers.get(0)) {
                ArrayNode wc = ln.putArray("context_weights");
                if (rec.context() > 0) {
                    for (int o = 0; o < l.outputs(); o++) floats(wc.addArray(), rec.contextWeights(), o * rec.context(), rec.context());
                }
            }
            ObjectNode p = ln.putObject("params");
            for (Map.Entry<String, float[]> e : l.params().entrySet()) {
                floats(p.putArray(e.getKey()), e.getValue(), 0, e.getValue().length);
            }
        }
        return root;
    }

    private static void strings(ArrayNode a, List<String> s) {
        for (String v : s) a.add(v);
    }

    private static void floats(ArrayNode a, float[] v, int from, int n) {
        for (int i = from; i < from + n; i++) a.add(v[i]);
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double d : v) {
            if (Double.isFinite(d)) a.add(d);
            else a.addNull();
        }
    }

    private static void putDouble(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) o.put(name, v);
        else o.putNull(name);
    }

    // ---- reading ----

    private static StoredModel fromJson(ObjectNode root, String src) {
        Reader r = new Reader(src);
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new DataFileException(src, 0, 0, "not a neurona model file (\"format\" is "
                    + (format == null ? "missing" : format) + "); expected \"" + FORMAT + "\"");
        }
        JsonNode ver = root.get("format_version");
        if (ver == null || !ver.canConvertToInt() || !ver.isIntegralNumber()) {
            throw new DataFileException(src, 0, 0, "\"format_version\" is " + (ver == null ? "missing" : ver)
                    + "; expected a whole number");
        }
        int version = ver.intValue();
        if (version > FORMAT_VERSION) {
            throw new DataFileException(src, 0, 0, "model format version " + version + " is newer than this neurona reads (up to "
                    + FORMAT_VERSION + "); it was written by " + root.path("written_by").asText("a newer neurona")
                    + ". Use a newer neurona to load it.");
        }
        if (version < 1) {
            throw new DataFileException(src, 0, 0, "format_version " + version + " does not exist; expected 1.." + FORMAT_VERSION);
        }

        ObjectNode net = r.object(root, "network");
        String type = r.text(net, "network.type");
        if (!type.equals("feedforward") && !type.equals("recurrent")) {
            throw new DataFileException(src, 0, 0, "network type '" + type + "' is not supported by this reader; expected"
                    + " feedforward or recurrent (a newer neurona may read it)");
        }
        int[] sizes = r.ints(r.array(net, "sizes", "network.sizes"), "network.sizes");
        String loss = net.path("loss").asText("");

        ArrayNode layersNode = r.array(root, "layers", "layers");
        if (layersNode.size() != sizes.length - 1) {
            throw new DataFileException(src, 0, 0, "network.sizes " + java.util.Arrays.toString(sizes) + " needs "
                    + (sizes.length - 1) + " layers, but the file has " + layersNode.size());
        }
        List<StoredModel.Layer> layers = new ArrayList<>();
        for (int l = 0; l < layersNode.size(); l++) {
            String at = "layers[" + l + "]";
            if (!layersNode.get(l).isObject()) throw r.bad(at, "an object");
            ObjectNode ln = (ObjectNode) layersNode.get(l);
            int in = r.integer(ln, "inputs", at + ".inputs"), out = r.integer(ln, "outputs", at + ".outputs");
            if (in != sizes[l] || out != sizes[l + 1]) {
                throw new DataFileException(src, 0, 0, at + " is " + in + " -> " + out + ", but network.sizes says "
                        + sizes[l] + " -> " + sizes[l + 1]);
            }
            String act = r.text(ln, at + ".activation");
            ArrayNode wRows = r.array(ln, "weights", at + ".weights");
            if (wRows.size() != out) {
                throw new DataFileException(src, 0, 0, at + ".weights has " + wRows.size() + " rows, expected " + out + " (one per unit)");
            }
            float[] w = new float[in * out];
            for (int o = 0; o < out; o++) {
                float[] row = r.floats(wRows.get(o), at + ".weights[" + o + "]");
                if (row.length != in) {
                    throw new DataFileException(src, 0, 0, at + ".weights[" + o + "] has " + row.length + " values, expected " + in);
                }
                System.arraycopy(row, 0, w, o * in, in);
            }
            float[] bias = ln.has("biases") ? r.floats(ln.get("biases"), at + ".biases") : new float[0];
            if (bias.length != 0 && bias.length != out) {
                throw new DataFileException(src, 0, 0, at + ".biases has " + bias.length + " values, expected " + out);
            }
            Map<String, float[]> params = new LinkedHashMap<>();
            JsonNode pn = ln.get("params");
            if (pn != null && pn.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = pn.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), r.floats(e.getValue(), at + ".params." + e.getKey()));
                }
            }
            layers.add(new StoredModel.Layer(in, out, act, w, bias, params));
        }

        JsonNode data = root.path("data");
        List<String> inputs = r.strings(data.get("inputs"), "data.inputs");
        List<String> targets = r.strings(data.get("targets"), "data.targets");
        List<String> classes = r.strings(data.get("classes"), "data.classes");
        StoredModel.Scaling scaling = scaling(r, data, "normalization");
        StoredModel.Scaling targetScaling = scaling(r, data, "target_normalization");

        JsonNode tr = root.path("training");
        Map<String, Object> settings = new LinkedHashMap<>();
        if (tr.path("settings").isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = tr.get("settings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                settings.put(e.getKey(), v.isIntegralNumber() ? (Object) v.longValue()
                        : v.isNumber() ? (Object) v.doubleValue() : v.isBoolean() ? (Object) v.booleanValue() : v.asText());
            }
        }
        int epochs = tr.path("epochs").asInt(0);
        double finalError = tr.path("final_error").isNumber() ? tr.get("final_error").doubleValue() : Double.NaN;
        double[] history = r.doubles(tr.get("history"), "training.history");
        double[] vhistory = r.doubles(tr.get("validation_history"), "training.validation_history");
        Map<String, Object> s = settings;
        StoredModel.Scaling sc = scaling;
        StoredModel.Recurrent rec = type.equals("recurrent") ? recurrent(r, net, layersNode, sizes) : null;
        return r.wrap("model", () -> new StoredModel(layers, loss, sc, inputs, targets, classes, s, epochs,
                finalError, history, vhistory, rec, targetScaling));
    }

    /** The transform in {@code data.name}: an object with kind, shift and scale, or null or absent for none. */
    private static StoredModel.Scaling scaling(Reader r, JsonNode data, String name) {
        JsonNode norm = data.get(name);
        if (norm == null || norm.isNull()) return null;
        if (!norm.isObject()) throw r.bad("data." + name, "an object or null");
        return r.wrap("data." + name, () -> new StoredModel.Scaling(norm.path("kind").asText("affine"),
                r.doubles(norm.get("shift"), "data." + name + ".shift"),
                r.doubles(norm.get("scale"), "data." + name + ".scale")));
    }

    /** The context of a recurrent net: network.kind, .context, .mu and layers[0].context_weights (H, C). */
    private static StoredModel.Recurrent recurrent(Reader r, ObjectNode net, ArrayNode layers, int[] sizes) {
        String kind = r.text(net, "network.kind");
        int c = net.has("context") ? r.integer(net, "context", "network.context") : -1;
        if (c < 0) throw r.bad("network.context", "the number of context units (a whole number >= 0)");
        JsonNode muNode = net.get("mu");
        double mu = muNode == null || muNode.isNull() ? 0 : muNode.isNumber() ? muNode.doubleValue() : Double.NaN;
        if (Double.isNaN(mu)) throw r.bad("network.mu", "a number");
        if (sizes.length != 3) {
            throw new DataFileException(r.src(), 0, 0, "a recurrent net has sizes [inputs, hidden, outputs], but network.sizes is "
                    + java.util.Arrays.toString(sizes));
        }
        int h = sizes[1];
        float[] wc = new float[h * c];
        JsonNode rows = layers.get(0).get("context_weights");
        if (rows == null || !rows.isArray()) throw r.bad("layers[0].context_weights", "an array of " + h + " rows");
        if (c > 0) {
            if (rows.size() != h) {
                throw new DataFileException(r.src(), 0, 0, "layers[0].context_weights has " + rows.size() + " rows, expected "
                        + h + " (one per hidden unit)");
            }
            for (int o = 0; o < h; o++) {
                float[] row = r.floats(rows.get(o), "layers[0].context_weights[" + o + "]");
                if (row.length != c) {
                    throw new DataFileException(r.src(), 0, 0, "layers[0].context_weights[" + o + "] has " + row.length
                            + " values, expected " + c + " (one per context unit)");
                }
                System.arraycopy(row, 0, wc, o * c, c);
            }
        }
        return r.wrap("network", () -> new StoredModel.Recurrent(kind, c, mu, wc));
    }

    /** Field access with messages that name the file and the JSON path. */
    private record Reader(String src) {
        DataFileException bad(String path, String expected) {
            return new DataFileException(src, 0, 0, "\"" + path + "\" is missing or malformed; expected " + expected);
        }

        ObjectNode object(JsonNode parent, String name) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isObject()) throw bad(name, "an object");
            return (ObjectNode) n;
        }

        ArrayNode array(JsonNode parent, String name, String path) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isArray()) throw bad(path, "an array");
            return (ArrayNode) n;
        }

        String text(JsonNode parent, String path) {
            JsonNode n = parent.get(path.substring(path.lastIndexOf('.') + 1));
            if (n == null || !n.isTextual()) throw bad(path, "a string");
            return n.asText();
        }

        int integer(JsonNode parent, String name, String path) {
            JsonNode n = parent.get(name);
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) throw bad(path, "a whole number");
            return n.intValue();
        }

        int[] ints(ArrayNode a, String path) {
            int[] v = new int[a.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode n = a.get(i);
                if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() <= 0) throw bad(path + "[" + i + "]", "a positive whole number");
                v[i] = n.intValue();
            }
            if (v.length < 2) throw bad(path, "at least two sizes (inputs and outputs)");
            return v;
        }

        float[] floats(JsonNode a, String path) {
            if (a == null || !a.isArray()) throw bad(path, "an array of numbers");
            float[] v = new float[a.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode n = a.get(i);
                if (!n.isNumber()) throw bad(path + "[" + i + "]", "a number, got " + n);
                // the decimal text, not a double: reading via double could round twice
                v[i] = Float.parseFloat(n.asText());
                if (!Float.isFinite(v[i])) throw bad(path + "[" + i + "]", "a finite float, got " + n.asText());
            }
            return v;
        }

        double[] doubles(JsonNode a, String path) {
            if (a == null || a.isNull()) return new double[0];
            if (!a.isArray()) throw bad(path, "an array of numbers");
            double[] v = new double[a.size()];
            for (int i = 0; i < v.length; i++) {
                JsonNode n = a.get(i);
                if (n.isNull()) v[i] = Double.NaN;
                else if (n.isNumber()) v[i] = Double.parseDouble(n.asText());
                else throw bad(path + "[" + i + "]", "a number or null");
            }
            return v;
        }

        List<String> strings(JsonNode a, String path) {
            if (a == null || a.isNull()) return List.of();
            if (!a.isArray()) throw bad(path, "an array of strings");
            List<String> s = new ArrayList<>();
            for (JsonNode n : a) {
                if (!n.isTextual()) throw bad(path, "an array of strings");
                s.add(n.asText());
            }
            return s;
        }

        <T> T wrap(String path, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (DataFileException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new DataFileException(src, 0, 0, path + ": " + e.getMessage());
            }
        }
    }

    /**
     * Indents objects and the rows of weight matrices, keeps number arrays on one line: a
     * 3 x 2 matrix reads as three lines of two numbers.
     */
    private static final class MatrixPrettyPrinter extends DefaultPrettyPrinter {
        private static final Set<String> MATRICES = Set.of("weights", "context_weights");

        MatrixPrettyPrinter() {
            indentObjectsWith(new DefaultIndenter("  ", "\n"));
            indentArraysWith(new RowIndenter());
        }

        private MatrixPrettyPrinter(MatrixPrettyPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new MatrixPrettyPrinter(this);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        private static final class RowIndenter implements Indenter {
            private final DefaultIndenter lines = new DefaultIndenter("  ", "\n");

            @Override
            public void writeIndentation(JsonGenerator g, int level) throws IOException {
                JsonStreamContext ctx = g.getOutputContext();
                JsonStreamContext parent = ctx == null ? null : ctx.getParent();
                boolean matrix = ctx != null && ctx.inArray() && parent != null && parent.inObject()
                        && MATRICES.contains(parent.getCurrentName());
                boolean arrayOfObjects = ctx != null && ctx.inArray() && parent != null && parent.inObject()
                        && "layers".equals(parent.getCurrentName());
                if (matrix || arrayOfObjects) lines.writeIndentation(g, level);
                else g.writeRaw(' ');
            }

            @Override
            public boolean isInline() {
                return false;
            }
        }
    }

    /** Jackson closes the stream it writes to; the atomic writer must close it itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
