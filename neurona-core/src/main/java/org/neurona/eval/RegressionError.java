package org.neurona.eval;

/**
 * How far a net's outputs are from the targets, and the (target, output) pairs of RSNNS's
 * {@code plotRegressionError}. For N patterns of O outputs:
 * <pre>
 *   SSE  = sum_r sum_o (b_ro - y_ro)^2     what SNNS and RSNNS report as the error (no 1/2)
 *   MSE  = SSE / (N O)
 *   RMSE = sqrt(MSE)
 * </pre>
 * Note that neurona's training loss {@code Loss.SSE} is the lecture's 1/2 sum (b - y)^2, half of
 * this SSE. {@link #fit()} is the least-squares line output = a + b target that
 * plotRegressionError draws in red; a perfect fit is the line through 0 with slope 1.
 */
public final class RegressionError {
    private final float[] targets;
    private final float[] outputs;
    private final int rows;
    private final int cols;
    private final double sse;

    private RegressionError(float[] targets, float[] outputs, int rows, int cols) {
        this.targets = targets;
        this.outputs = outputs;
        this.rows = rows;
        this.cols = cols;
        double s = 0;
        for (int i = 0; i < targets.length; i++) {
            double d = (double) targets[i] - outputs[i];
            s += d * d;
        }
        this.sse = s;
    }

    /**
     * The errors of outputs y (rows, cols) against targets b (rows, cols); the arrays are copied.
     *
     * @throws IllegalArgumentException for lengths that do not match rows * cols
     */
    public static RegressionError of(float[] targets, float[] outputs, int rows, int cols) {
        long n = (long) rows * cols;
        if (rows < 1 || cols < 1 || targets.length != n || outputs.length != n) {
            throw new IllegalArgumentException(rows + " rows of " + cols + " outputs need " + n + " values; got "
                    + targets.length + " targets and " + outputs.length + " outputs");
        }
        return new RegressionError(targets.clone(), outputs.clone(), rows, cols);
    }

    /** Number of patterns N. */
    public int rows() {
        return rows;
    }

    /** Outputs per pattern O. */
    public int columns() {
        return cols;
    }

    /** Sum of squared errors, as SNNS reports it. */
    public double sse() {
        return sse;
    }

    /** Mean squared error over all N O values. */
    public double mse() {
        return sse / ((double) rows * cols);
    }

    /** Root mean squared error. */
    public double rmse() {
        return Math.sqrt(mse());
    }

    /** The targets (rows, cols), the x of the regression plot; a copy. */
    public float[] targets() {
        return targets.clone();
    }

    /** The outputs (rows, cols), the y of the regression plot; a copy. */
    public float[] outputs() {
        return outputs.clone();
    }

    /**
     * The least-squares line output = intercept + slope target over all pairs, as
     * {@code {intercept, slope}}; slope NaN when every target is the same.
     */
    public double[] fit() {
        int n = targets.length;
        double mt = 0, my = 0;
        for (int i = 0; i < n; i++) { mt += targets[i]; my += outputs[i]; }
        mt /= n;
        my /= n;
        double sty = 0, stt = 0;
        for (int i = 0; i < n; i++) {
            double dt = targets[i] - mt;
            sty += dt * (outputs[i] - my);
            stt += dt * dt;
        }
        double slope = stt == 0 ? Double.NaN : sty / stt;
        return new double[] {my - slope * mt, slope};
    }
}
