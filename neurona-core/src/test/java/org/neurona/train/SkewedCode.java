package org.neurona.train;

import org.neurona.layer.Dense;
import org.neurona.loss.Loss;
import org.neurona.train.rule.Sgd;

/**
 * A layer step that is not {@link OnlineLayerCode}'s: the forward pass alike, the update plain
 * gradient descent whatever the rule. Stands for a class file that does not match the class as
 * loaded, which {@link OnlineLayer.Copies#checked} must refuse.
 */
final class SkewedCode extends OnlineLayer {
    SkewedCode(Dense dense, Sgd sgd, double lambda) {
        super(dense, sgd, lambda);
    }

    @Override
    void forward(float[] src, int so) {
        for (int o = 0; o < outputs; o++) {
            float s = b == null ? 0f : b[o];
            for (int i = 0; i < inputs; i++) s += src[so + i] * w[o * inputs + i];
            z[o] = s;
            a[o] = f.forward(s);
        }
    }

    @Override
    void backward(float[] dIn, float[] src, int so, boolean derive) {
        for (int o = 0; o < outputs; o++) {
            float dz = derive ? f.backward(z[o], a[o], d[o]) : d[o];
            for (int i = 0; i < inputs; i++) {
                if (dIn != null) dIn[i] = (o == 0 ? 0f : dIn[i]) + dz * w[o * inputs + i];
                w[o * inputs + i] -= eta * dz * src[so + i];
            }
            if (b != null) b[o] -= eta * dz;
        }
    }

    @Override
    double outputError(Loss loss, float[] targets, int bo, float scale) {
        loss.delta(a, targets, bo, d, 1, outputs, scale);
        return loss.value(z, a, targets, bo, 1, outputs, f);
    }
}
