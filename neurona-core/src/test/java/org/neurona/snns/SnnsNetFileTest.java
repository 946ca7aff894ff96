package org.neurona.snns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.neurona.snns.SnnsNet.Link;
import org.neurona.snns.SnnsNet.Unit;

/**
 * The network file reader and writer against every example net in shared/data/snns/net. Their
 * origin (README.md there): trained with RSNNS 0.4-18 on the SNNS example patterns and saved with
 * RSNNS's {@code exportToSnnsNetFile}, i.e. written by the SNNS kernel's own net writer
 * ("SNNS network definition file V1.4-3D"); LGPL v2 like the SNNS data they derive from.
 */
class SnnsNetFileTest {

    private static SnnsNet net(String name) throws IOException {
        return SnnsNetFile.read(SnnsTestData.net(name));
    }

    @Test
    void xorMlp() throws IOException {
        // xor_mlp_2-2-1.net: MLP 2-2-1, logistic, trained on xor.pat with BackpropMomentum
        SnnsNet n = net("xor_mlp_2-2-1.net");
        assertEquals("xor_mlp", n.name());
        assertEquals("BackpropMomentum", n.learningFunction());
        assertEquals("Topological_Order", n.updateFunction());
        assertEquals(5, n.units().size());
        assertEquals(6, n.links().size());
        assertEquals(List.of("i", "i", "h", "h", "o"), n.units().stream().map(Unit::role).toList());
        assertEquals(new Unit(1, "", "Input_in1", 1.0, -0.46898, "i", 1, 0, 0, "Act_Identity", "Out_Identity", List.of()), n.unit(1));
        assertEquals(new Unit(3, "", "Hidden_2_1", 0.03190, -3.24096, "h", 1, 2, 0, "Act_Logistic", "Out_Identity", List.of()),
                n.unit(3), "blank act/out func cells take the unit defaults");
        assertEquals(List.of(new Link(3, "", 2, 6.02167), new Link(3, "", 1, -6.19337)), n.linksTo(3));
        assertEquals(new Link(5, "", 3, 10.33187), n.linksTo(5).get(1));
    }

    @Test
    void encoderMlp() throws IOException {
        // encoder_mlp_8-3-8.net: MLP 8-3-8 trained on encoder.pat with Rprop
        SnnsNet n = net("encoder_mlp_8-3-8.net");
        assertEquals("Rprop", n.learningFunction());
        assertEquals(19, n.units().size());
        assertEquals(48, n.links().size());
        assertEquals(8, n.unitsWithRole("i").size());
        assertEquals(3, n.unitsWithRole("h").size());
        assertEquals(8, n.unitsWithRole("o").size());
        assertEquals(-13.90165, n.unit(12).bias());
        assertEquals(new Link(9, "", 8, 3.24773), n.linksTo(9).get(0));
    }

    @Test
    void elmanWithContextUnits() throws IOException {
        // eight_elman_2-5-2.net: Elman net, 5 hidden + 5 context units (st "sh"), on eight_016.pat (JE_BP)
        SnnsNet n = net("eight_elman_2-5-2.net");
        assertEquals("JE_BP", n.learningFunction());
        assertEquals(14, n.units().size());
        assertEquals(55, n.links().size());
        assertEquals(5, n.unitsWithRole("sh").size());
        assertEquals(List.of(new Link(10, "", 10, 0.3), new Link(10, "", 3, 1.0)), n.linksTo(10), "self-recurrent context link");
        assertEquals(4, n.unit(13).x());
        assertEquals(10, n.unit(13).y(), "positions written ' 4,10, 0'");
    }

    @Test
    void jordanWithOutputFedContext() throws IOException {
        // laser_jordan_1-4-1.net: Jordan net, 4 hidden, context fed by the output, on a scaled laser_1000.pat
        SnnsNet n = net("laser_jordan_1-4-1.net");
        assertEquals(7, n.units().size());
        assertEquals(14, n.links().size());
        assertEquals(List.of(new Link(7, "", 7, 0.3), new Link(7, "", 6, 1.0)), n.linksTo(7));
    }

    @Test
    void kohonenMap() throws IOException {
        // cube_som_3x3.net: Kohonen map 3x3 on som_cube.pat
        SnnsNet n = net("cube_som_3x3.net");
        assertEquals("Kohonen", n.learningFunction());
        assertEquals(12, n.units().size());
        assertEquals(27, n.links().size());
        assertEquals("Act_Euclid", n.unit(4).actFunc());
        assertEquals(118.0, n.unit(9).bias(), "a bias wider than its column");
        assertEquals("", n.unit(4).name());
    }

    @Test
    void autoAssociativeNet() throws IOException {
        // letters_assoz_7x5.net: auto-associative RM net (35 world + 35 learning units) on letters_auto.pat
        SnnsNet n = net("letters_assoz_7x5.net");
        assertEquals(70, n.units().size());
        assertEquals(1225, n.links().size());
        assertEquals("Act_RM", n.unit(1).actFunc());
        List<Link> into36 = n.linksTo(36);
        assertEquals(35, into36.size(), "links continued over several lines");
        assertEquals(new Link(36, "", 1, 1.0), into36.get(34));
    }

    @Test
    void art1WithSites() throws IOException {
        // letters_art1_7x5.net: ART1 net with site definitions, on art1_letters.pat
        SnnsNet n = net("letters_art1_7x5.net");
        assertEquals(159, n.units().size());
        assertEquals(2299, n.links().size());
        assertEquals(6, n.siteTypes().size());
        assertEquals(new SnnsNet.SiteType("Art1_Site_Inp_G1", "Site_at_least_1"), n.siteTypes().get(2));
        assertEquals(List.of("Art1_Site_Rst_Signal", "Art1_Site_Rst_Self"), n.unit(126).sites(), "site list over two lines");
        assertEquals(List.of("Art1_Site_Rec_G1", "Art1_Site_Inp_G1"), n.unit(152).sites());
        long g1Input = n.linksTo(152).stream().filter(l -> l.site().equals("Art1_Site_Inp_G1")).count();
        assertEquals(35, g1Input, "the second site row of unit 152, introduced by a row without target");
        assertEquals(new Link(153, "Art1_Site_Rho_RI", 158, 1.0), n.linksTo(153).get(0));
    }

    @Test
    void everyExampleNetSurvivesWriteAndRead() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SnnsTestData.dir().resolve("net"))) {
            files = s.filter(p -> p.toString().endsWith(".net")).sorted().toList();
        }
        assertEquals(7, files.size());
        for (Path f : files) {
            SnnsNet n = SnnsNetFile.read(f);
            String text = SnnsNetFile.format(n, "Sat Nov 28 00:00:00 2026", SnnsNetFile.SNNS_DECIMALS);
            SnnsNet back = SnnsNetFile.parse(text, f.getFileName().toString());
            assertEquals(n, back, f.getFileName() + " after write -> read");
            assertEquals(text, SnnsNetFile.format(back, "Sat Nov 28 00:00:00 2026", SnnsNetFile.SNNS_DECIMALS));
        }
    }

    @Test
    void windowsLineEndingsReadTheSame() throws IOException {
        String text = Files.readString(SnnsTestData.net("encoder_mlp_8-3-8.net"));
        assertEquals(SnnsNetFile.parse(text, "e.net"), SnnsNetFile.parse(text.replace("\n", "\r\n"), "e.net"));
    }

    @Test
    void writesTheSectionsSnnsReads() throws IOException {
        String text = SnnsNetFile.format(net("xor_mlp_2-2-1.net"), "now", 5);
        assertTrue(text.startsWith("SNNS network definition file V1.4-3D\ngenerated at now\n\nnetwork name : xor_mlp\n"), text);
        assertTrue(text.contains("\nunit default section :\n"), text);
        assertTrue(text.contains("\n     3 |      | 2: 6.02167, 1:-6.19337\n"), text);
        assertTrue(text.contains("| Hidden_2_1 |  0.03190 | -3.24096 | h  | 1,2,0    |"), text);
    }

    @Test
    void readsV14WithTwoDimensionalPositionsAndLayers() {
        String text = """
                SNNS network definition file V1.4
                generated at Mon Apr 25 1994

                network name : tiny
                no. of units : 2
                no. of connections : 1
                learning function : Std_Backpropagation
                update function : Topological_Order

                unit definition section :

                no. | typeName | unitName | act | bias | st | position | act func | out func | sites
                ----|----------|----------|-----|------|----|----------|----------|----------|------
                  1 |          | in       | 0.5 | 0.0  | i  | 1, 1     | Act_Identity | Out_Identity |
                  2 |          | out      | 0.0 | 0.25 | o  | 2, 1     |          |          |
                ----|----------|----------|-----|------|----|----------|----------|----------|------

                connection definition section :

                target | site | source:weight
                -------|------|--------------
                     2 |      | 1: -1.5
                -------|------|--------------

                layer definition section :

                layer | unitNo.
                ------|--------
                    1 | 1
                    2 | 2
                ------|--------
                """;
        SnnsNet n = SnnsNetFile.parse(text, "tiny.net");
        assertEquals(2, n.unit(2).x());
        assertEquals(0, n.unit(2).z());
        assertEquals("Act_Logistic", n.unit(2).actFunc(), "no default section: SNNS's default Act_Logistic");
        assertEquals(List.of(2), n.layers().get(2));
        assertEquals(-1.5, n.links().get(0).weight());
    }

    // ---- bad files: the message a user would see ----

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> SnnsNetFile.parse(text, "bad.net")).getMessage();
    }

    private static final String HEAD = """
            SNNS network definition file V1.4-3D
            generated at now

            network name : bad
            no. of units : 2
            no. of connections : 1

            unit definition section :

            no. | typeName | unitName | act | bias | st | position | act func | out func | sites
            ----|----------|----------|-----|------|----|----------|----------|----------|------
            """;

    @Test
    void wrongHeader() {
        assertEquals("bad.net, line 1: found 'SNNS pattern definition file V4.2'; expected 'SNNS network definition file"
                + " V1.4-3D' (or V1.4) as the first line of an SNNS network file", error("SNNS pattern definition file V4.2\n"));
    }

    @Test
    void truncatedTable() {
        assertEquals("bad.net, line 13: unexpected end of file in the unit definition section; expected its closing"
                + " ruler '----|----'", error(HEAD + "  1 |  | in | 0 | 0 | i | 1,1,0 | Act_Identity | Out_Identity |\n"));
    }

    @Test
    void tooFewColumns() {
        assertEquals("bad.net, line 12: found 4 columns in '1 |  | in | 0'; expected 9 columns 'no. | typeName | unitName"
                + " | act | bias | st | position | act func | out func | sites' in the unit definition section",
                error(HEAD + "  1 |  | in | 0\n----|\n"));
    }

    @Test
    void unitNumbersWithAGap() {
        assertEquals("bad.net, line 12: found unit number 2; expected unit 1 (units are numbered 1..N without gaps)",
                error(HEAD + "  2 |  | in | 0 | 0 | i | 1,1,0 | Act_Identity | Out_Identity |\n----|\n"));
    }

    @Test
    void badLinkAndCountMismatch() {
        String units = HEAD + "  1 |  | in | 0 | 0 | i | 1,1,0 | Act_Identity | Out_Identity |\n"
                + "  2 |  | out | 0 | 0 | o | 2,1,0 | Act_Logistic | Out_Identity |\n----|\n\n"
                + "connection definition section :\n\ntarget | site | source:weight\n-------|------|------\n";
        assertEquals("bad.net, line 20: found '1 -0.5' in the links of unit 2; expected 'source:weight', e.g. '3: 0.52137'",
                error(units + "     2 |      | 1 -0.5\n-------|\n"));
        assertEquals("bad.net, line 6: the header says 'no. of connections : 1' but the file has 2 links in the connection"
                + " definition section (from line 16); expected the two to agree",
                error(units + "     2 |      | 1: -0.5, 2: 0.1\n-------|\n"));
    }
}
