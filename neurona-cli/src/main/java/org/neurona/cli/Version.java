package org.neurona.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version, filled in from the build (version.properties) so it cannot drift from the pom. */
public final class Version implements IVersionProvider {

    /** "0.1.0" or, when run from unpackaged classes without resources, "unknown". */
    public static String number() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** "neurona 0.1.0", as written into model files. */
    public static String full() {
        return "neurona " + number();
    }

    @Override
    public String[] getVersion() {
        return new String[] {full(), "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
