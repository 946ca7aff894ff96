package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * AdaGrad: per-weight learning rates that shrink with the sum of all squared gradients seen so
 * far (Duchi, Hazan and Singer 2011, the diagonal version). With g = dE/dw:
 * <pre>
 *   G += g^2          w -= eta g / (sqrt(G) + epsilon)
 * </pre>
 * G starts at 0; epsilon outside the square root, as in PyTorch's {@code Adagrad}.
 *
 * <p>J. Duchi, E. Hazan and Y. Singer, "Adaptive subgradient methods for online learning and
 * stochastic optimization", Journal of Machine Learning Research 12, 2011, 2121-2159.
 *
 * @param eta     learning rate, positive (default 0.01)
 * @param epsilon added to the denominator, positive (default 1e-10)
 */
public record AdaGrad(double eta, double epsilon) implements LearningRule {

    public AdaGrad {
        LearningRules.positive("AdaGrad learning rate eta", eta);
        LearningRules.positive("AdaGrad epsilon", epsilon);
    }

    /** epsilon = 1e-10 with learning rate {@code eta}. */
    public AdaGrad(double eta) {
        this(eta, 1e-10);
    }

    @Override
    public String name() {
        return "adagrad:" + eta + ":" + epsilon;
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
        private final float[][] sum;
        private final double epsilon;
        private double eta;

        State(List<Param> params, AdaGrad rule) {
            this.params = params.toArray(Param[]::new);
            sum = LearningRules.zerosLike(this.params);
            eta = rule.eta();
            epsilon = rule.epsilon();
        }

        @Override
        public void step() {
            for (int i = 0; i < params.length; i++) {
                float[] w = params[i].value(), g = params[i].grad(), s = sum[i];
                for (int j = 0; j < w.length; j++) {
                    double gj = g[j];
                    double sj = s[j] + gj * gj;
                    s[j] = (float) sj;
                    w[j] -= (float) (eta * gj / (Math.sqrt(sj) + epsilon));
                }
            }
        }

        @Override
        public void learningRate(double eta) {
            this.eta = eta;
        }
    }
}
