package org.neurona.cli;

import org.neurona.io.CsvReader;
import picocli.CommandLine.Option;

/**
 * How a CSV file is laid out (--header, --separator): the mixin every command that reads CSV
 * shares, directly or through {@link DataOptions} and {@link PatternOptions}.
 */
final class CsvLayout {

    @Option(names = "--header", negatable = true,
            description = "The first row is (--header) or is not (--no-header) a header; default: detected.")
    Boolean header;

    @Option(names = "--separator", paramLabel = "SEP", description = "Field separator: ',' ';' or 'tab'; default: detected.")
    String separator;

    /** The reader's defaults with the header and separator these flags give (detected when left out). */
    CsvReader.Options csv() {
        CsvReader.Options o = CsvReader.Options.defaults()
                .withHeader(header == null ? CsvReader.Header.AUTO : header ? CsvReader.Header.YES : CsvReader.Header.NO);
        return separator == null ? o : o.withSeparator(separatorChar(separator));
    }

    private static char separatorChar(String s) {
        return switch (s) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "tab", "\\t" -> '\t';
            default -> throw new IllegalArgumentException("--separator '" + s + "': expected ',', ';' or tab");
        };
    }
}
