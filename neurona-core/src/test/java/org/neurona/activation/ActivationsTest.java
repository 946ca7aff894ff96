package org.neurona.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "logistic:2", "tanh", "tanh:0.5", "softsign", "softplus", "softexp:0.3",
            "softexp:-0.7", "softexp:0", "sinusoid", "sinc", "selu", "relu", "leakyrelu", "leakyrelu:0.2",
            "rrelu", "rrelu:0.1:0.3", "prelu", "prelu:0.1", "linear", "sign", "step", "softmax",
            "logistic:0.3333333333333333", "rrelu:0:0"})
    void canonicalNamesParseBackToEqualFunctions(String spec) {
        Activation f = Activations.parse(spec);
        assertEquals(spec, f.name());
        assertEquals(f, Activations.parse(f.name()));
        assertEquals(f.hashCode(), Activations.parse(f.name()).hashCode());
    }

    @Test
    void everyTableEntryRoundTrips() {
        List<Activation> table = Activations.table();
        assertEquals(Activations.NAMES.size(), table.size());
        for (int i = 0; i < table.size(); i++) {
            Activation f = table.get(i);
            assertEquals(f, Activations.parse(f.name()), f.name());
            assertTrue(f.name().startsWith(Activations.NAMES.get(i)), f.name() + " in the order of NAMES");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "LOGISTIC, logistic", "Logistic:2, logistic:2", "sigmoid, logistic", "logistic:1, logistic",
            "logistic:2.0, logistic:2", "' tanh : 0.5 ', tanh:0.5", "sin, sinusoid", "SIN, sinusoid",
            "sgn, sign", "heaviside, step", "Heaviside, step", "identity, linear", "softexponential:0.3, softexp:0.3",
            "leakyrelu:0.01, leakyrelu", "prelu:0.25, prelu", "rrelu:0.125:0.3333333333333333, rrelu",
            "softexp:-0, softexp:0", "softexp, softexp:0.3", "SoftExp:0.30, softexp:0.3"})
    void namesAreCaseInsensitiveWithAliasesAndDefaults(String spec, String canonical) {
        assertEquals(canonical, Activations.parse(spec).name());
    }

    @Test
    void parsedParametersReachTheFunction() {
        assertEquals(2, ((Logistic) Activations.parse("logistic:2")).c());
        assertEquals(0.5, ((Tanh) Activations.parse("tanh:0.5")).c());
        assertEquals(0.3, ((SoftExponential) Activations.parse("softexp:0.3")).alpha());
        assertEquals(new RReLU(0.1, 0.3), Activations.parse("rrelu:0.1:0.3"));
        assertEquals(0.1f, ((PReLU) Activations.parse("prelu:0.1")).initialParameter());
        assertEquals(0.01, ((LeakyReLU) Activations.parse("leakyrelu")).slope());
        assertInstanceOf(Stochastic.class, Activations.parse("rrelu"));
        assertInstanceOf(Parametric.class, Activations.parse("prelu"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tahn | unknown activation 'tahn'; did you mean 'tanh'?",
            "relu6 | did you mean 'relu'?",
            "logistc:2 | did you mean 'logistic'?",
            "heavyside | did you mean 'heaviside'?",
            "'' | empty activation name",
            "relu:1 | activation 'relu:1' has 1 parameter; expected 0: relu (no parameters)",
            "logistic:1:2 | activation 'logistic:1:2' has 2 parameters; expected 0 to 1: logistic[:c]",
            "softexp:1:2 | activation 'softexp:1:2' has 2 parameters; expected 0 to 1: softexp[:alpha]",
            "rrelu:0.1 | activation 'rrelu:0.1' has 1 parameter; expected none or both bounds: rrelu[:l:u]",
            "rrelu:0.3:0.1 | activation 'rrelu:0.3:0.1': rrelu upper slope u must be finite and >= l = 0.3, got 0.1",
            "rrelu:-0.1:0.1 | rrelu lower slope l must be a finite number >= 0, got -0.1",
            "leakyrelu:-0.1 | activation 'leakyrelu:-0.1': leakyrelu slope must be a finite number >= 0, got -0.1",
            "logistic:-1 | activation 'logistic:-1': logistic slope c must be positive and finite, got -1.0",
            "tanh:0 | tanh slope c must be positive and finite, got 0.0",
            "tanh:abc | activation 'tanh:abc': parameter 1 'abc' is not a number; expected tanh[:c]",
            "softexp:NaN | softexp alpha must be a finite number, got NaN",
            "prelu:Infinity | prelu initial slope must be a finite number, got Infinity",
            "logistic: | parameter 1 '' is not a number"})
    void badSpecsGiveClearMessages(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse(spec));
        assertTrue(e.getMessage().contains(expected), () -> "message: " + e.getMessage());
    }

    @Test
    void nullSpecIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Activations.parse(null));
    }

    @ParameterizedTest
    @CsvSource({"tahn, tanh", "TANH, tanh", "sigmoi, sigmoid", "softpluss, softplus", "lineal, linear",
            "rlu, relu", "leaky, leakyrelu", "softexp:0.3, softexp", "sinx, sinc", "prelu, prelu", "selu, selu", "soft, softexp"})
    void suggestFindsTheClosestName(String typed, String expected) {
        assertEquals(expected, Activations.suggest(typed));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Activations.editDistance("relu", "relu"));
        assertEquals(1, Activations.editDistance("relu", "prelu"));
        assertEquals(2, Activations.editDistance("tahn", "tanh"));
        assertEquals(3, Activations.editDistance("kitten", "sitting"));
        assertEquals(4, Activations.editDistance("", "sinc"));
    }

    @Test
    void everyNameAndAliasParses() {
        for (String n : Activations.NAMES) {
            Activation f = Activations.parse(n);
            assertTrue(f.name().startsWith(n), f.name());
        }
        Activations.ALIASES.forEach((alias, name) -> {
            Activation f = Activations.parse(alias);
            assertTrue(f.name().startsWith(name), alias + " -> " + f.name());
        });
    }
}
