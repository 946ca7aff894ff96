package org.neurona.net.competitive;

/**
 * What a trained Kohonen map makes of a data set: the clustering (winner per pattern, unit
 * weights as prototypes in grid order u = row * cols + col, wins, quantisation error, purity),
 * the U-matrix and the topographic error.
 *
 * @param rows             grid rows
 * @param cols             grid columns
 * @param clusters         winners, weights (rows*cols, I), wins, quantisation error, purity
 * @param uMatrix          (rows, cols): mean weight-space distance of each unit to its grid
 *                         neighbours (up, down, left, right); high values mark cluster borders
 * @param topographicError fraction of patterns whose best and second-best units are not grid
 *                         neighbours (Kiviluoto 1996); 0 for a map with one unit
 */
public record SomResult(int rows, int cols, CompetitiveResult clusters, double[][] uMatrix, double topographicError) {

    public SomResult {
        if (uMatrix.length != rows || (rows > 0 && uMatrix[0].length != cols)) {
            throw new IllegalArgumentException("U-matrix must be " + rows + "x" + cols);
        }
    }

    /** Grid row of the winner of pattern n. */
    public int winnerRow(int n) {
        return clusters.assignment()[n] / cols;
    }

    /** Grid column of the winner of pattern n. */
    public int winnerCol(int n) {
        return clusters.assignment()[n] % cols;
    }
}
