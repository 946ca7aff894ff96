package org.neurona.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;

class AutoencoderTest {

    /** The eight one-hot patterns of the 8-3-8 encoder problem. */
    static Dataset oneHot8() {
        float[] x = new float[64];
        for (int i = 0; i < 8; i++) x[i * 8 + i] = 1;
        return new Dataset(x, new float[0], 8, 8, 0);
    }

    static final TrainOptions ENCODER = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(2000)
            .shuffle(true).seed(3).build();

    @Test
    void encoderProblem838ReconstructsEveryPatternAfterRounding() {
        Dataset data = oneHot8();
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.parse("8:3:8", "logistic"), 3);
        ae.train(data, ENCODER);
        float[] y = ae.reconstruct(data.x(), 8);
        for (int i = 0; i < 64; i++) assertEquals(data.x()[i], Math.round(y[i]), "pattern " + i / 8 + ", unit " + i % 8 + ": " + y[i]);
        // the eight codes are distinct corners-ish of the 3-D code cube
        float[] codes = ae.encode(data.x(), 8);
        assertEquals(24, codes.length);
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                double d = 0;
                for (int j = 0; j < 3; j++) d += Math.abs(codes[a * 3 + j] - codes[b * 3 + j]);
                assertTrue(d > 0.2, "codes of patterns " + a + " and " + b + " are " + d + " apart");
            }
        }
        assertArrayEquals(y, ae.decode(codes, 8), 1e-6f);
        assertTrue(ae.reconstructionMse(data) < 0.01, "MSE " + ae.reconstructionMse(data));
    }

    @Test
    void reconstructionErrorFallsOnAverageOverTraining() {
        Dataset data = oneHot8();
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.parse("8:3:8", "logistic"), 3);
        double[] e = ae.train(data, ENCODER).trainErrorArray();
        // mean error over each tenth of training, every tenth below the one before
        int block = e.length / 10;
        double prev = Double.POSITIVE_INFINITY;
        for (int b = 0; b < 10; b++) {
            double m = 0;
            for (int i = b * block; i < (b + 1) * block; i++) m += e[i];
            m /= block;
            assertTrue(m < prev, "block " + b + ": mean error " + m + ", block before " + prev);
            prev = m;
        }
    }

    /** MSE between clean x and the reconstruction of its noisy copy. */
    private static double cleanedMse(Autoencoder ae, float[] noisy, float[] x, int rows) {
        float[] y = ae.reconstruct(noisy, rows);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (y[i] - x[i]) * (y[i] - x[i]);
        return s / x.length;
    }

    @Test
    void denoisingTrainingRemovesNoiseBetterThanPlainTraining() {
        // four binary prototypes of 16 values, 25 copies each; probes carry Gaussian noise sigma 0.3
        Rng rng = new Rng(12);
        float[] proto = new float[4 * 16];
        for (int i = 0; i < proto.length; i++) proto[i] = rng.nextDouble() < 0.5 ? 0 : 1;
        float[] x = new float[100 * 16];
        for (int r = 0; r < 100; r++) System.arraycopy(proto, (r % 4) * 16, x, r * 16, 16);
        Dataset data = new Dataset(x, new float[0], 100, 16, 0);
        AutoencoderSpec denoising = AutoencoderSpec.parse("16:4:16", "logistic").withNoise(AutoencoderSpec.Corruption.GAUSSIAN, 0.3);
        TrainOptions o = TrainOptions.builder().mode(Mode.MINIBATCH).batchSize(10).eta(0.5).momentum(0.5).epochs(300)
                .shuffle(true).seed(5).build();
        Autoencoder ae = Autoencoder.create(denoising, 5);
        History h = ae.train(data, o);
        assertEquals(300, h.epochs());
        Autoencoder plain = Autoencoder.create(denoising.withNoise(AutoencoderSpec.Corruption.GAUSSIAN, 0), 5);
        plain.train(data, o);
        float[] noisy = ae.corrupt(x, new Rng(99)); // the same noisy probes for both nets
        double noiseMse = 0;
        for (int i = 0; i < x.length; i++) noiseMse += (noisy[i] - x[i]) * (noisy[i] - x[i]);
        noiseMse /= x.length;
        assertEquals(0.09, noiseMse, 0.01); // sigma^2
        double den = cleanedMse(ae, noisy, x, 100), pl = cleanedMse(plain, noisy, x, 100);
        // measured: plain 0.0026, denoising 0.0001 (noisy input 0.087)
        assertTrue(den < 0.25 * pl, "reconstruction MSE from noisy inputs: denoising " + den + ", plain " + pl);
        assertTrue(pl < noiseMse, "plain " + pl + ", noisy input " + noiseMse);
        // reproducible from the seeds
        Autoencoder again = Autoencoder.create(denoising, 5);
        again.train(data, o);
        assertArrayEquals(ae.network().layers().get(0).weights(), again.network().layers().get(0).weights());
    }

    @Test
    void maskingNoiseZeroesAboutTheGivenFraction() {
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.parse("10:3:10", "logistic").withNoise(AutoencoderSpec.Corruption.MASK, 0.25), 1);
        float[] ones = new float[10000];
        java.util.Arrays.fill(ones, 1f);
        float[] c = ae.corrupt(ones, new Rng(4));
        int zeros = 0;
        for (float v : c) if (v == 0) zeros++;
        assertEquals(2500, zeros, 150);
    }

    @Test
    void badShapesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AutoencoderSpec.parse("8:3:7", "logistic"));
        assertTrue(e.getMessage().contains("8 inputs but 7 outputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AutoencoderSpec.parse("8:8", "logistic"));
        assertTrue(e.getMessage().contains("no hidden layer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AutoencoderSpec.parse("4:6:4", "logistic"));
        assertTrue(e.getMessage().contains("not narrower"), e.getMessage());
        assertEquals(1, AutoencoderSpec.parse("16:8:2:8:16", "tanh").codeLayer());
        assertThrows(IllegalArgumentException.class,
                () -> AutoencoderSpec.parse("8:3:8", "logistic").withNoise(AutoencoderSpec.Corruption.MASK, 1));
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.parse("8:3:8", "logistic"), 1);
        e = assertThrows(IllegalArgumentException.class, () -> ae.reconstructionMse(new Dataset(new float[6], new float[0], 2, 3, 0)));
        assertTrue(e.getMessage().contains("3 inputs per pattern; the autoencoder has 8"), e.getMessage());
    }
}
