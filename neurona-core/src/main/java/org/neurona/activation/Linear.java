package org.neurona.activation;

/** The identity f(x) = x, f'(x) = 1: regression outputs and linear units. Spec "linear". */
public record Linear() implements Activation {
    @Override public String name() { return "linear"; }
    @Override public double value(double x) { return x; }
    @Override public double derivative(double x) { return 1; }
    @Override public String toString() { return name(); }

    @Override
    public float forward(float z) {
        return z;
    }

    @Override
    public float backward(float z, float a, float da) {
        return da;
    }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        if (a != z) System.arraycopy(z, 0, a, 0, rows * width);
    }

    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        if (dz != da) System.arraycopy(da, 0, dz, 0, rows * width);
    }
}
