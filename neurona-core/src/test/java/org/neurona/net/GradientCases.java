package org.neurona.net;

import java.util.ArrayList;
import java.util.List;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.activation.Softmax;
import org.neurona.activation.Stochastic;

/** The activations a network can be gradient-checked with: every differentiable, deterministic, elementwise one. */
final class GradientCases {
    private GradientCases() {}

    static List<String> activationNames() {
        List<String> out = new ArrayList<>();
        for (String name : Activations.NAMES) {
            Activation a = Activations.parse(name);
            if (a.differentiable() && !(a instanceof Softmax) && !(a instanceof Stochastic)) out.add(name);
        }
        return out;
    }
}
