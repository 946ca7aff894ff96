package org.neurona.io;

import java.util.List;
import org.neurona.data.Dataset;

/**
 * A CSV file read into patterns: inputs x (N, I) and targets b (N, O) as row-major float
 * arrays, with the column names and, for classification, the class labels that the one-hot
 * target columns stand for (column k of b is {@code classes.get(k)}).
 *
 * @param source      the file name as given, for messages
 * @param separator   the field separator used (',' ';' or tab)
 * @param header      whether the first row held column names
 * @param columns     all column names, in file order ("column 1", ... when there is no header)
 * @param inputNames  names of the input columns, in the order of x's columns
 * @param targetNames names of the target columns (empty when the file was read without targets)
 * @param x           inputs (rows, inputs), row-major
 * @param b           targets (rows, outputs), row-major; one-hot when {@code classes} is not empty
 * @param rows        number of data rows N
 * @param classes     class labels, in one-hot column order; empty for numeric targets
 */
public record CsvData(String source, char separator, boolean header, List<String> columns,
                      List<String> inputNames, List<String> targetNames,
                      float[] x, float[] b, int rows, List<String> classes) {

    public CsvData {
        columns = List.copyOf(columns);
        inputNames = List.copyOf(inputNames);
        targetNames = List.copyOf(targetNames);
        classes = List.copyOf(classes);
    }

    /** Input width I. */
    public int inputs() {
        return inputNames.size();
    }

    /** Target width O: the number of classes for one-hot targets, else the number of target columns. */
    public int outputs() {
        return classes.isEmpty() ? targetNames.size() : classes.size();
    }

    /** The patterns as a core dataset (checks every value is finite once more). */
    public Dataset toDataset() {
        return new Dataset(x, b, rows, inputs(), outputs(), classes, source);
    }
}
