package org.neurona.snns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neurona.snns.SnnsNet.Link;
import org.neurona.snns.SnnsNet.SiteType;
import org.neurona.snns.SnnsNet.Unit;
import org.neurona.snns.SnnsNet.UnitType;

/**
 * Reads and writes SNNS network files ({@code .net}, "SNNS network definition file V1.4-3D", the
 * format of the SNNS kernel's {@code krui_saveNet} and of RSNNS's {@code exportToSnnsNetFile};
 * V1.4 files with 2-D positions are read too).
 *
 * <p>The file is a header of {@code key : value} lines and sections ({@code unit default},
 * {@code unit definition}, {@code connection definition}, and optionally {@code site definition},
 * {@code type definition}, {@code subnet definition}, {@code layer definition}), each a table whose
 * cells are separated by {@code |} and framed by dashed rulers; blank cells of the unit table take
 * the unit defaults (or the unit's type). The {@code 3D translation} and {@code time delay} sections
 * are read over and not kept (display offsets; time-delay nets). See {@code FORMATS.md} beside the
 * example files for the full layout.
 *
 * <p>Numbers are written with 5 decimals by default, as the SNNS kernel writes them; pass more
 * decimals to keep a trained net's float weights closer.
 */
public final class SnnsNetFile {
    private SnnsNetFile() {}

    /** Decimals the SNNS kernel writes for act, bias and weights. */
    public static final int SNNS_DECIMALS = 5;

    private static final Pattern MAGIC = Pattern.compile("\\s*SNNS network definition file\\s+(V\\S+)\\s*");
    private static final Pattern SECTION = Pattern.compile("\\s*(.*?)\\s+section\\s*:\\s*");
    private static final Pattern RULER = Pattern.compile("\\s*-+(\\|-*)*\\s*");
    private static final Pattern LINK = Pattern.compile("(\\d+)\\s*:\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)");
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private static final List<String> SECTIONS = List.of("site definition", "type definition", "unit default",
            "unit definition", "connection definition", "subnet definition", "layer definition", "3D translation",
            "time delay");
    private static final int LINE_WIDTH = 132;

    /**
     * Reads a network file.
     *
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it is not a valid network file; the message names the
     *                                  file, the line and what was expected there
     */
    public static SnnsNet read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.getFileName().toString());
    }

    /** Parses the text of a network file; {@code source} names it in messages. */
    public static SnnsNet parse(String text, String source) {
        return new Parser(text, source == null ? "network" : source).parse();
    }

    /** Writes {@code net} to {@code file} in the V1.4-3D format with SNNS's 5 decimals. */
    public static void write(SnnsNet net, Path file) throws IOException {
        Files.writeString(file, format(net), StandardCharsets.ISO_8859_1);
    }

    /** The V1.4-3D text of {@code net}, 5 decimals, "generated at" now. */
    public static String format(SnnsNet net) {
        return format(net, LocalDateTime.now().format(CTIME), SNNS_DECIMALS);
    }

    /**
     * The V1.4-3D text of {@code net}.
     *
     * @param generatedAt the text after "generated at" (a date, as SNNS writes it)
     * @param decimals    decimals of act, bias and weights (SNNS writes 5), 1..9
     */
    public static String format(SnnsNet net, String generatedAt, int decimals) {
        if (decimals < 1 || decimals > 9) throw new IllegalArgumentException("decimals " + decimals + "; expected 1..9");
        return new Writer(net, decimals).write(generatedAt);
    }

    // ------------------------------------------------------------------ reading

    /** One table row (or continuation line) with its line number. */
    private record Row(int line, String text) {}

    private static final class Parser {
        private final String source;
        private final String[] lines;
        private int i;
        private final Map<String, String> header = new HashMap<>();
        private final Map<String, Integer> headerLines = new HashMap<>();
        private final List<SiteType> sites = new ArrayList<>();
        private final List<UnitType> types = new ArrayList<>();
        private final List<Unit> units = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final Map<Integer, List<Integer>> subnets = new TreeMap<>();
        private final Map<Integer, List<Integer>> layers = new TreeMap<>();
        private double defAct = 0, defBias = 0;
        private String defRole = "h", defActFunc = "Act_Logistic", defOutFunc = "Out_Identity";
        private int unitSectionLine = -1, connectionSectionLine = -1;

        Parser(String text, String source) {
            this.source = source;
            this.lines = text.split("\r\n|\r|\n", -1);
        }

        SnnsNet parse() {
            while (i < lines.length && (lines[i].isBlank() || lines[i].trim().startsWith("#"))) i++;
            if (i >= lines.length) fail(1, "an empty file", "'SNNS network definition file V1.4-3D' as the first line");
            Matcher m = MAGIC.matcher(lines[i]);
            if (!m.matches()) {
                fail(i + 1, "'" + lines[i].trim() + "'", "'SNNS network definition file V1.4-3D' (or V1.4) as the first line of an SNNS network file");
            }
            if (!m.group(1).startsWith("V1.")) fail(i + 1, "version " + m.group(1), "V1.4-3D or V1.4 (the versions SNNS 4.x writes)");
            i++;
            readHeader();
            while (i < lines.length) {
                String l = lines[i];
                if (l.isBlank() || l.trim().startsWith("#")) { i++; continue; }
                Matcher s = SECTION.matcher(l);
                if (!s.matches()) fail(i + 1, "'" + l.trim() + "'", "a section title such as 'unit definition section :'");
                String title = s.group(1).trim();
                int titleLine = i + 1;
                i++;
                List<Row> rows = readTable(title);
                switch (title.toLowerCase(Locale.ROOT)) {
                    case "site definition" -> readSites(rows);
                    case "type definition" -> readTypes(rows);
                    case "unit default" -> readDefaults(rows);
                    case "unit definition" -> { unitSectionLine = titleLine; readUnits(rows); }
                    case "connection definition" -> { connectionSectionLine = titleLine; readLinks(rows); }
                    case "subnet definition" -> readGroups(rows, subnets, "subnet");
                    case "layer definition" -> readGroups(rows, layers, "layer");
                    case "3d translation", "time delay" -> { }
                    default -> fail(titleLine, "section '" + title + "'", "one of the sections " + SECTIONS);
                }
            }
            checkCount("no. of units", units.size(), "units in the unit definition section", unitSectionLine);
            checkCount("no. of connections", links.size(), "links in the connection definition section", connectionSectionLine);
            checkCount("no. of site types", sites.size(), "sites in the site definition section", -1);
            checkCount("no. of unit types", types.size(), "types in the type definition section", -1);
            try {
                return new SnnsNet(header.getOrDefault("network name", ""), header.getOrDefault("learning function", ""),
                        header.getOrDefault("update function", ""), header.getOrDefault("pruning function", ""),
                        header.getOrDefault("subordinate learning function", ""), sites, types, units, links, subnets, layers);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        private void readHeader() {
            while (i < lines.length) {
                String l = lines[i];
                String t = l.trim();
                if (t.isEmpty() || t.startsWith("#")) { i++; continue; }
                if (SECTION.matcher(l).matches()) return;
                if (t.startsWith("generated at")) { i++; continue; }
                int colon = t.indexOf(':');
                if (colon < 0) fail(i + 1, "'" + t + "'", "a header line 'key : value' (e.g. 'no. of units : 5') or a section title");
                String key = t.substring(0, colon).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                header.put(key, t.substring(colon + 1).trim());
                headerLines.put(key, i + 1);
                i++;
            }
        }

        private void checkCount(String key, int found, String what, int sectionLine) {
            String v = header.get(key);
            if (v == null) {
                if (key.equals("no. of units") || key.equals("no. of connections")) {
                    fail(2, "no '" + key + " :' line in the header", "'" + key + " : <number>'");
                }
                return;
            }
            int line = headerLines.get(key);
            int n = parseInt(v, line, "'" + key + " :'");
            if (n != found) {
                throw new IllegalArgumentException(source + ", line " + line + ": the header says '" + key + " : " + n
                        + "' but the file has " + found + " " + what
                        + (sectionLine > 0 ? " (from line " + sectionLine + ")" : "") + "; expected the two to agree");
            }
        }

        /** The rows of a table: after the header row and its ruler, up to the closing ruler. */
        private List<Row> readTable(String title) {
            int start = i + 1;
            while (i < lines.length && lines[i].isBlank()) i++;
            if (i >= lines.length || !lines[i].contains("|")) {
                fail(Math.min(i + 1, lines.length), i < lines.length ? "'" + lines[i].trim() + "'" : "the end of the file",
                        "the column titles of the " + title + " section (cells separated by '|'), starting line " + start);
            }
            i++;
            if (i >= lines.length || !RULER.matcher(lines[i]).matches()) {
                fail(Math.min(i + 1, lines.length), i < lines.length ? "'" + lines[i].trim() + "'" : "the end of the file",
                        "a ruler '----|----' under the column titles of the " + title + " section");
            }
            i++;
            List<Row> rows = new ArrayList<>();
            while (true) {
                if (i >= lines.length) {
                    throw new IllegalArgumentException(source + ", line " + lines.length + ": unexpected end of file in the "
                            + title + " section; expected its closing ruler '----|----'");
                }
                String l = lines[i];
                i++;
                if (RULER.matcher(l).matches()) return rows;
                if (l.isBlank()) continue;
                rows.add(new Row(i, l));
            }
        }

        /** Rows whose continuation lines (no '|') are joined to the row before, with the line of the row. */
        private List<Row> joinContinuations(List<Row> rows, String title) {
            List<Row> out = new ArrayList<>();
            for (Row r : rows) {
                if (!r.text().contains("|")) {
                    if (out.isEmpty()) fail(r.line(), "'" + r.text().trim() + "'", "a row of the " + title + " section with cells separated by '|'");
                    Row last = out.remove(out.size() - 1);
                    out.add(new Row(last.line(), last.text() + " " + r.text().trim()));
                } else {
                    out.add(r);
                }
            }
            return out;
        }

        private String[] cells(Row r, int min, String columns, String title) {
            String[] c = r.text().split("\\|", -1);
            if (c.length < min) {
                fail(r.line(), c.length + " columns in '" + r.text().trim() + "'", min + " columns '" + columns + "' in the " + title + " section");
            }
            for (int k = 0; k < c.length; k++) c[k] = c[k].trim();
            return c;
        }

        private void readSites(List<Row> rows) {
            for (Row r : rows) {
                String[] c = cells(r, 2, "site name | site function", "site definition");
                sites.add(new SiteType(c[0], c[1]));
            }
        }

        private void readTypes(List<Row> rows) {
            for (Row r : joinContinuations(rows, "type definition")) {
                String[] c = cells(r, 3, "name | act func | out func | sites", "type definition");
                types.add(new UnitType(c[0], c[1], c[2], c.length > 3 ? list(c[3]) : List.of()));
            }
        }

        private void readDefaults(List<Row> rows) {
            if (rows.size() != 1) {
                fail(rows.isEmpty() ? i : rows.get(1).line(), rows.size() + " rows", "one row in the unit default section");
            }
            Row r = rows.get(0);
            String[] c = cells(r, 7, "act | bias | st | subnet | layer | act func | out func", "unit default");
            defAct = parseDouble(c[0], r.line(), "default act");
            defBias = parseDouble(c[1], r.line(), "default bias");
            defRole = c[2];
            defActFunc = c[5];
            defOutFunc = c[6];
        }

        private void readUnits(List<Row> rows) {
            String columns = "no. | typeName | unitName | act | bias | st | position | act func | out func | sites";
            for (Row r : joinContinuations(rows, "unit definition")) {
                String[] c = cells(r, 9, columns, "unit definition");
                int no = parseInt(c[0], r.line(), "the unit number");
                if (no != units.size() + 1) {
                    fail(r.line(), "unit number " + no, "unit " + (units.size() + 1) + " (units are numbered 1..N without gaps)");
                }
                String typeName = c[1];
                UnitType type = null;
                if (!typeName.isEmpty()) {
                    for (UnitType t : types) if (t.name().equals(typeName)) type = t;
                    if (type == null) fail(r.line(), "type '" + typeName + "' of unit " + no, "a type from the type definition section");
                }
                double act = c[3].isEmpty() ? defAct : parseDouble(c[3], r.line(), "act of unit " + no);
                double bias = c[4].isEmpty() ? defBias : parseDouble(c[4], r.line(), "bias of unit " + no);
                String role = c[5].isEmpty() ? defRole : c[5];
                if (!SnnsNet.ROLES.contains(role)) {
                    fail(r.line(), "st '" + role + "' of unit " + no, "one of i, o, h, d, s, si, so, sh, sd");
                }
                int[] pos = position(c[6], r.line(), no);
                String actFunc = !c[7].isEmpty() ? c[7] : type != null ? type.actFunc() : defActFunc;
                String outFunc = !c[8].isEmpty() ? c[8] : type != null ? type.outFunc() : defOutFunc;
                List<String> unitSites = c.length > 9 && !c[9].isEmpty() ? list(c[9]) : type != null ? type.sites() : List.of();
                units.add(new Unit(no, typeName, c[2], act, bias, role, pos[0], pos[1], pos[2], actFunc, outFunc, unitSites));
            }
        }

        private int[] position(String cell, int line, int unit) {
            if (cell.isEmpty()) return new int[3];
            String[] p = cell.split(",");
            if (p.length < 2 || p.length > 3) fail(line, "position '" + cell + "' of unit " + unit, "'x, y, z' (or 'x, y' in V1.4 files)");
            int[] r = new int[3];
            for (int k = 0; k < p.length; k++) r[k] = parseInt(p[k].trim(), line, "the position of unit " + unit);
            return r;
        }

        private void readLinks(List<Row> rows) {
            int target = -1;
            String site = "";
            for (Row r : rows) {
                String[] c = r.text().split("\\|", -1);
                String list;
                if (c.length >= 3) {
                    target = parseInt(c[0].trim(), r.line(), "the target unit number");
                    site = c[1].trim();
                    list = c[2];
                } else if (c.length == 2) {
                    if (target < 0) fail(r.line(), "'" + r.text().trim() + "'", "a row 'target | site | source:weight, ...'");
                    site = c[0].trim();
                    list = c[1];
                } else {
                    if (target < 0) fail(r.line(), "'" + r.text().trim() + "'", "a row 'target | site | source:weight, ...'");
                    list = c[0];
                }
                for (String piece : list.split(",")) {
                    String p = piece.trim();
                    if (p.isEmpty()) continue;
                    Matcher m = LINK.matcher(p);
                    if (!m.matches()) fail(r.line(), "'" + p + "' in the links of unit " + target, "'source:weight', e.g. '3: 0.52137'");
                    links.add(new Link(target, site, Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2))));
                }
            }
        }

        private void readGroups(List<Row> rows, Map<Integer, List<Integer>> into, String what) {
            for (Row r : joinContinuations(rows, what + " definition")) {
                String[] c = cells(r, 2, what + " | unitNo.", what + " definition");
                int n = parseInt(c[0], r.line(), "the " + what + " number");
                List<Integer> members = new ArrayList<>();
                for (String u : c[1].split(",")) if (!u.isBlank()) members.add(parseInt(u.trim(), r.line(), "a unit number of " + what + " " + n));
                into.computeIfAbsent(n, k -> new ArrayList<>()).addAll(members);
            }
        }

        private static List<String> list(String cell) {
            List<String> r = new ArrayList<>();
            for (String s : cell.split(",")) if (!s.isBlank()) r.add(s.trim());
            return r;
        }

        private int parseInt(String s, int line, String what) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                fail(line, "'" + s + "' as " + what, "a whole number");
                return 0;
            }
        }

        private double parseDouble(String s, int line, String what) {
            try {
                double v = Double.parseDouble(s.trim());
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException e) {
                // reported below
            }
            fail(line, "'" + s + "' as " + what, "a number");
            return 0;
        }

        private void fail(int line, String found, String expected) {
            throw new IllegalArgumentException(source + ", line " + line + ": found " + found + "; expected " + expected);
        }
    }

    // ------------------------------------------------------------------ writing

    private static final class Writer {
        private final SnnsNet net;
        private final int decimals;
        private final StringBuilder s = new StringBuilder();

        Writer(SnnsNet net, int decimals) {
            this.net = net;
            this.decimals = decimals;
        }

        String write(String generatedAt) {
            s.append("SNNS network definition file V1.4-3D\n");
            s.append("generated at ").append(generatedAt).append("\n\n");
            s.append("network name : ").append(net.name()).append('\n');
            s.append("source files :\n");
            s.append("no. of units : ").append(net.units().size()).append('\n');
            s.append("no. of connections : ").append(net.links().size()).append('\n');
            s.append("no. of unit types : ").append(net.unitTypes().size()).append('\n');
            s.append("no. of site types : ").append(net.siteTypes().size()).append("\n\n\n");
            s.append("learning function : ").append(net.learningFunction()).append('\n');
            s.append("update function   : ").append(net.updateFunction()).append('\n');
            if (!net.pruningFunction().isEmpty()) {
                s.append("pruning function  : ").append(net.pruningFunction()).append('\n');
                s.append("subordinate learning function : ").append(net.subordinateLearningFunction()).append('\n');
            }
            s.append("\n\n");
            if (!net.siteTypes().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                for (SiteType t : net.siteTypes()) rows.add(new String[] {t.name(), t.function()});
                section("site definition", new String[] {"site name", "site function"}, new boolean[2], rows);
            }
            if (!net.unitTypes().isEmpty()) {
                List<String[]> rows = new ArrayList<>();
                for (UnitType t : net.unitTypes()) rows.add(new String[] {t.name(), t.actFunc(), t.outFunc(), String.join(", ", t.sites())});
                section("type definition", new String[] {"name", "act func", "out func", "sites"}, new boolean[4], rows);
            }
            String defAct = mostFrequent(net.units().stream().map(Unit::actFunc).toList(), "Act_Logistic");
            String defOut = mostFrequent(net.units().stream().map(Unit::outFunc).toList(), "Out_Identity");
            String defRole = mostFrequent(net.units().stream().map(Unit::role).toList(), "h");
            section("unit default", new String[] {"act", "bias", "st", "subnet", "layer", "act func", "out func"},
                    new boolean[] {true, true, false, true, true, false, false},
                    List.<String[]>of(new String[] {num(0), num(0), defRole, "0", "1", defAct, defOut}));
            unitSection(defAct, defOut);
            connectionSection();
            groupSection("subnet", net.subnets());
            groupSection("layer", net.layers());
            return s.toString();
        }

        private void unitSection(String defAct, String defOut) {
            List<String[]> rows = new ArrayList<>();
            Map<String, UnitType> types = new HashMap<>();
            for (UnitType t : net.unitTypes()) types.put(t.name(), t);
            for (Unit u : net.units()) {
                UnitType t = types.get(u.typeName());
                String act = t != null ? t.actFunc() : defAct, out = t != null ? t.outFunc() : defOut;
                List<String> sites = t != null ? t.sites() : List.of();
                rows.add(new String[] {Integer.toString(u.number()), u.typeName(), u.name(), num(u.act()), num(u.bias()),
                        u.role(), u.x() + "," + u.y() + "," + u.z(), u.actFunc().equals(act) ? "" : u.actFunc(),
                        u.outFunc().equals(out) ? "" : u.outFunc(), u.sites().equals(sites) ? "" : String.join(", ", u.sites())});
            }
            section("unit definition", new String[] {"no.", "typeName", "unitName", "act", "bias", "st", "position",
                    "act func", "out func", "sites"},
                    new boolean[] {true, false, false, true, true, false, false, false, false, false}, rows);
        }

        private void connectionSection() {
            if (net.links().isEmpty()) return;
            int w = Integer.toString(net.units().size()).length();
            // one row per (target, site), targets ascending, sites in the order their links come
            Map<Integer, Map<String, List<Link>>> byTarget = new TreeMap<>();
            for (Link l : net.links()) {
                byTarget.computeIfAbsent(l.target(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(l.site(), k -> new ArrayList<>()).add(l);
            }
            int siteWidth = 4;
            for (Link l : net.links()) siteWidth = Math.max(siteWidth, l.site().length());
            String entryFormat = "%" + w + "d:%" + (decimals + 3) + "." + decimals + "f";
            int entryWidth = w + 1 + decimals + 3 + 2;
            String targetHead = "target", siteHead = pad("site", siteWidth, false);
            int prefix = targetHead.length() + 3 + siteWidth + 3;
            int perLine = Math.max(1, (LINE_WIDTH - prefix) / entryWidth);
            String ruler = "-".repeat(targetHead.length() + 1) + "|" + "-".repeat(siteWidth + 2) + "|"
                    + "-".repeat(Math.max(14, perLine * entryWidth));
            s.append("connection definition section :\n\n");
            s.append(targetHead).append(" | ").append(siteHead).append(" | source:weight\n").append(ruler).append('\n');
            for (var e : byTarget.entrySet()) {
                boolean first = true;
                for (var site : e.getValue().entrySet()) {
                    String head = first ? pad(Integer.toString(e.getKey()), targetHead.length(), true) : " ".repeat(targetHead.length());
                    s.append(head).append(first ? " | " : "   ").append(pad(site.getKey(), siteWidth, false)).append(" | ");
                    first = false;
                    List<Link> ls = site.getValue();
                    for (int k = 0; k < ls.size(); k++) {
                        Link l = ls.get(k);
                        s.append(String.format(Locale.ROOT, entryFormat, l.source(), l.weight()));
                        if (k == ls.size() - 1) s.append('\n');
                        else if ((k + 1) % perLine == 0) s.append(",\n").append(" ".repeat(prefix));
                        else s.append(", ");
                    }
                }
            }
            s.append(ruler).append("\n\n");
        }

        private void groupSection(String what, Map<Integer, List<Integer>> groups) {
            if (groups.isEmpty()) return;
            List<String[]> rows = new ArrayList<>();
            groups.forEach((k, v) -> rows.add(new String[] {Integer.toString(k),
                    String.join(", ", v.stream().map(String::valueOf).toList())}));
            section(what + " definition", new String[] {what, "unitNo."}, new boolean[] {true, false}, rows);
        }

        /** A titled table: column titles, ruler, rows, ruler; cells padded to the widest. */
        private void section(String title, String[] heads, boolean[] right, List<String[]> rows) {
            int[] w = new int[heads.length];
            for (int k = 0; k < heads.length; k++) w[k] = heads[k].length();
            for (String[] r : rows) for (int k = 0; k < r.length; k++) w[k] = Math.max(w[k], r[k].length());
            s.append(title).append(" section :\n\n");
            row(heads, w, new boolean[heads.length]);
            ruler(w);
            for (String[] r : rows) row(r, w, right);
            ruler(w);
            s.append("\n\n");
        }

        private void row(String[] cells, int[] w, boolean[] right) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < cells.length; k++) {
                if (k > 0) line.append("| ");
                line.append(pad(cells[k], w[k], right[k])).append(' ');
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }

        private void ruler(int[] w) {
            for (int k = 0; k < w.length; k++) {
                if (k > 0) s.append('|');
                s.append("-".repeat(w[k] + (k == 0 ? 1 : 2)));
            }
            s.append('\n');
        }

        private String num(double v) {
            // the width leaves room for a minus sign, so that the points line up as in SNNS's files
            return String.format(Locale.ROOT, "%" + (decimals + 3) + "." + decimals + "f", v);
        }

        private static String pad(String v, int w, boolean right) {
            if (v.length() >= w) return v;
            String sp = " ".repeat(w - v.length());
            return right ? sp + v : v + sp;
        }

        private static String mostFrequent(List<String> values, String dflt) {
            Map<String, Integer> n = new LinkedHashMap<>();
            for (String v : values) n.merge(v, 1, Integer::sum);
            String best = dflt;
            int count = 0;
            for (var e : n.entrySet()) if (e.getValue() > count) { best = e.getKey(); count = e.getValue(); }
            return best;
        }
    }
}
