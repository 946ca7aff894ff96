package org.neurona.examples;

import java.util.Locale;
import org.neurona.data.Dataset;
import org.neurona.layer.Init;
import org.neurona.net.Autoencoder;
import org.neurona.net.AutoencoderSpec;
import org.neurona.net.NetworkSpec;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;

/**
 * The 8-3-8 encoder problem (Rumelhart, Hinton and Williams 1986): eight one-hot patterns
 * through a code layer of three logistic units and back. To reproduce its input the net must
 * give each pattern its own code, and three units are just enough for eight binary codes.
 * Logistic units, the lecture's initial weights U(-1, 1), SSE, online, eta 0.5, momentum 0.9,
 * 2000 epochs, shuffled, seed 3: the run of {@code neurona autoencode --data
 * examples/data/encoder-8.csv --layers 8:3:8 --mode online --eta 0.5 --momentum 0.9 --epochs 2000
 * --shuffle --seed 3}, which prints the same codes.
 *
 * <p>Targets (asserted by the test): every one of the 64 output values is right after rounding,
 * the reconstruction MSE is below 0.001 (measured 0.00013), and the eight codes are distinct:
 * rounded to 0/1 they are eight different corners of the code cube.
 */
public final class AutoencoderExample {
    private AutoencoderExample() {}

    /**
     * The patterns of the encoder problem.
     *
     * @return the eight one-hot patterns (8, 8) as inputs, no targets
     */
    public static Dataset oneHot8() {
        float[] x = new float[64];
        for (int i = 0; i < 8; i++) x[i * 8 + i] = 1;
        return new Dataset(x, new float[0], 8, 8, 0);
    }

    /**
     * Trains the example's autoencoder.
     *
     * @return the trained 8-3-8 autoencoder
     */
    public static Autoencoder train() {
        // the lecture's U(-1, 1) start, as the command line uses, rather than the library's size-dependent default
        NetworkSpec net = NetworkSpec.parse("8:3:8", "logistic").withInit(Init.LECTURE);
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.of(net), 3);
        ae.train(oneHot8(), TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(2000).shuffle(true)
                .seed(3).build());
        return ae;
    }

    /**
     * Prints the reconstruction error, the codes and the rounded reconstructions.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Dataset data = oneHot8();
        Autoencoder ae = train();
        float[] codes = ae.encode(data.x(), 8), y = ae.reconstruct(data.x(), 8);
        System.out.printf(Locale.ROOT, "reconstruction MSE %.5f%n", ae.reconstructionMse(data));
        System.out.println("input      code                    reconstruction (rounded)");
        for (int r = 0; r < 8; r++) {
            StringBuilder in = new StringBuilder(), out = new StringBuilder();
            for (int j = 0; j < 8; j++) {
                in.append((int) data.x()[r * 8 + j]);
                out.append(Math.round(y[r * 8 + j]));
            }
            System.out.printf(Locale.ROOT, "%s   (%.2f, %.2f, %.2f)      %s%n", in, codes[r * 3], codes[r * 3 + 1], codes[r * 3 + 2], out);
        }
    }
}
