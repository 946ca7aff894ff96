package org.neurona.io;

/**
 * Bad content in a data or model file, with where it is: the file, and when known the line
 * (1-based, as an editor shows it) and column (1-based). The message is complete on its own,
 * one line, for a user: "iris.csv, line 7: 4 fields, expected 5 (as in line 1)".
 *
 * <p>It is an {@link IllegalArgumentException} because it is bad input, not a program fault:
 * the command line reports it in one line with exit code 2.
 */
public class DataFileException extends IllegalArgumentException {
    private final String file;
    private final long line;
    private final int column;

    /**
     * @param file   the file's name as the user gave it
     * @param line   1-based line, or 0 when not about one line
     * @param column 1-based column, or 0 when not about one column
     * @param detail what is wrong and what was expected
     */
    public DataFileException(String file, long line, int column, String detail) {
        super(where(file, line, column) + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public DataFileException(String file, String detail, Throwable cause) {
        super(file + ": " + detail, cause);
        this.file = file;
        this.line = 0;
        this.column = 0;
    }

    private static String where(String file, long line, int column) {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) s.append(", line ").append(line);
        if (column > 0) s.append(", column ").append(column);
        return s.toString();
    }

    /** The file's name as given. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0. */
    public long line() {
        return line;
    }

    /** 1-based column, or 0. */
    public int column() {
        return column;
    }
}
