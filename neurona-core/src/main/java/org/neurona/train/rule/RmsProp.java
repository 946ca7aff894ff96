package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * RMSProp: divide the gradient by a running root mean square of its recent values (Tieleman and
 * Hinton 2012). With g = dE/dw:
 * <pre>
 *   v = rho v + (1 - rho) g^2          w -= eta g / (sqrt(v) + epsilon)
 * </pre>
 * v starts at 0; epsilon outside the square root, as in PyTorch's {@code RMSprop} (whose default
 * rho, called alpha there, is 0.99; the lecture's value and Keras's default is 0.9).
 *
 * <p>T. Tieleman and G. Hinton, "Lecture 6.5 - rmsprop: divide the gradient by a running average
 * of its recent magnitude", COURSERA: Neural Networks for Machine Learning, 2012.
 *
 * @param eta     learning rate, positive (default 0.001)
 * @param rho     decay of the squared-gradient average, in [0, 1) (default 0.9)
 * @param epsilon added to the denominator, positive (default 1e-8)
 */
public record RmsProp(double eta, double rho, double epsilon) implements LearningRule {

    public RmsProp {
        LearningRules.positive("RMSProp learning rate eta", eta);
        LearningRules.unitInterval("RMSProp rho", rho);
        LearningRules.positive("RMSProp epsilon", epsilon);
    }

    /** rho = 0.9, epsilon = 1e-8 with learning rate {@code eta}. */
    public RmsProp(double eta) {
        this(eta, 0.9, 1e-8);
    }

    @Override
    public String name() {
        return "rmsprop:" + eta + ":" + rho + ":" + epsilon;
    }

    @Override
    public double learningRate() {
        return eta;
    }

    @Override
    public Optimizer create(List<Param> params) {
        return new State(params, this);
    }

    private static final class State implements Optimizer {
        private final Param[] params;
        private final float[][] v;
        private final double rho, epsilon;
        private double eta;

        State(List<Param> params, RmsProp rule) {
            this.params = params.toArray(Param[]::new);
            v = LearningRules.zerosLike(this.params);
            eta = rule.eta();
            rho = rule.rho();
            epsilon = rule.epsilon();
        }

        @Override
        public void step() {
            for (int i = 0; i < params.length; i++) {
                float[] w = params[i].value(), g = params[i].grad(), vi = v[i];
                for (int j = 0; j < w.length; j++) {
                    double gj = g[j];
                    double vj = rho * vi[j] + (1 - rho) * gj * gj;
                    vi[j] = (float) vj;
                    w[j] -= (float) (eta * gj / (Math.sqrt(vj) + epsilon));
                }
            }
        }

        @Override
        public void learningRate(double eta) {
            this.eta = eta;
        }
    }
}
