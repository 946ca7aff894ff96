package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * Adam: per-weight step sizes from bias-corrected running averages of the gradient and of its
 * square (Kingma and Ba 2015, Algorithm 1). With g = dE/dw and t the step count from 1:
 * <pre>
 *   m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g^2
 *   m^ = m / (1 - beta1^t)               v^ = v / (1 - beta2^t)
 *   w -= eta m^ / (sqrt(v^) + epsilon)
 * </pre>
 * epsilon outside the square root, as in the paper and PyTorch's {@code Adam}; m and v start at 0.
 *
 * <p>D. P. Kingma and J. Ba, "Adam: a method for stochastic optimization", ICLR 2015
 * (arXiv:1412.6980).
 *
 * @param eta     learning rate, positive (default 0.001)
 * @param beta1   decay of the gradient average, in [0, 1) (default 0.9)
 * @param beta2   decay of the squared-gradient average, in [0, 1) (default 0.999)
 * @param epsilon added to the denominator, positive (default 1e-8)
 */
public record Adam(double eta, double beta1, double beta2, double epsilon) implements LearningRule {

    public Adam {
        LearningRules.positive("Adam learning rate eta", eta);
        LearningRules.unitInterval("Adam beta1", beta1);
        LearningRules.unitInterval("Adam beta2", beta2);
        LearningRules.positive("Adam epsilon", epsilon);
    }

    /** The paper's defaults with learning rate {@code eta}. */
    public Adam(double eta) {
        this(eta, 0.9, 0.999, 1e-8);
    }

    @Override
    public String name() {
        return "adam:" + eta + ":" + beta1 + ":" + beta2 + ":" + epsilon;
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
        private final float[][] m, v;
        private final double beta1, beta2, epsilon;
        private double eta, beta1t = 1, beta2t = 1; // beta^t

        State(List<Param> params, Adam rule) {
            this.params = params.toArray(Param[]::new);
            m = LearningRules.zerosLike(this.params);
            v = LearningRules.zerosLike(this.params);
            eta = rule.eta();
            beta1 = rule.beta1();
            beta2 = rule.beta2();
            epsilon = rule.epsilon();
        }

        @Override
        public void step() {
            beta1t *= beta1;
            beta2t *= beta2;
            double c1 = 1 / (1 - beta1t), c2 = 1 / (1 - beta2t);
            for (int i = 0; i < params.length; i++) {
                float[] w = params[i].value(), g = params[i].grad(), mi = m[i], vi = v[i];
                for (int j = 0; j < w.length; j++) {
                    double gj = g[j];
                    double mj = beta1 * mi[j] + (1 - beta1) * gj;
                    double vj = beta2 * vi[j] + (1 - beta2) * gj * gj;
                    mi[j] = (float) mj;
                    vi[j] = (float) vj;
                    w[j] -= (float) (eta * (mj * c1) / (Math.sqrt(vj * c2) + epsilon));
                }
            }
        }

        @Override
        public void learningRate(double eta) {
            this.eta = eta;
        }
    }
}
