package org.neurona.cli;

import static org.neurona.cli.TourRun.f;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.eval.ConfusionMatrix;
import org.neurona.loss.Loss;
import org.neurona.net.Autoencoder;
import org.neurona.net.AutoencoderSpec;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;
import org.neurona.train.WarmUp;
import org.neurona.train.rule.LearningRules;

/**
 * Tour section 5 (Fashion-MNIST 784:256:128:10) and the image autoencoder of section 8
 * (784:64:784), both only when the data set is installed.
 */
final class TourFashion {
    private TourFashion() {}

    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot");

    static boolean available(TourRun run) {
        for (String f : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz"}) {
            if (!Files.isRegularFile(run.fashionDir.resolve(f))) return false;
        }
        return true;
    }

    static Dataset train(TourRun run) throws IOException {
        if (run.fashionTrain == null) {
            run.fashionTrain = Idx.load(run.fashionDir.resolve("train-images-idx3-ubyte.gz"),
                    run.fashionDir.resolve("train-labels-idx1-ubyte.gz"), 10);
        }
        return run.fashionTrain;
    }

    static Dataset test(TourRun run) throws IOException {
        if (run.fashionTest == null) {
            run.fashionTest = Idx.load(run.fashionDir.resolve("t10k-images-idx3-ubyte.gz"),
                    run.fashionDir.resolve("t10k-labels-idx1-ubyte.gz"), 10);
        }
        return run.fashionTest;
    }

    /** Section 5: 784:256:128:10, ReLU, softmax + cross-entropy, mini-batch 128, eta 0.05, momentum 0.9. */
    static void classify(TourRun run) throws IOException {
        run.say("\n5. Fashion-MNIST, 784:256:128:10 (ReLU, softmax + cross-entropy, mini-batch 128, eta 0.05, momentum 0.9).");
        if (!available(run)) {
            run.sayVarying("   Fashion-MNIST is not installed in %s (Debian: sudo apt-get install dataset-fashion-mnist),", run.fashionDir);
            run.sayVarying("   so this section's picture (fmnist-confusion.png) is not made.");
            return;
        }
        int trainRows = run.quick ? 10000 : 60000, testRows = run.quick ? 2000 : 10000, epochs = run.quick ? 3 : 5;
        NetworkSpec spec = NetworkSpec.parse("784:256:128:10", "relu,relu,softmax");
        TrainOptions o = TrainOptions.builder().loss(Loss.CE).mode(Mode.MINIBATCH).batchSize(128).eta(0.05).momentum(0.9)
                .epochs(epochs).shuffle(true).seed(1).threads(2).build();
        Dataset train, test;
        try (WarmUp warm = WarmUp.start(spec, o)) { // the steps compile on the other core while the data is read
            train = train(run).slice(0, trainRows);
            test = test(run).slice(0, testRows);
        }
        FeedForward net = FeedForward.create(spec, 1);
        History h;
        try (Progress progress = run.progress("fashion-mnist", epochs)) {
            h = new Trainer(o).fit(net, train, progress);
        }
        ConfusionMatrix cm = ConfusionMatrix.of(argmax(test.b(), test.rows()), argmax(net.predict(test.x(), test.rows()),
                test.rows()), CLASSES);
        StringBuilder times = new StringBuilder();
        for (double s : h.epochSeconds()) times.append(times.length() == 0 ? "" : ", ").append(f("%.1f", s));
        run.sayVarying("   %d training images, %d epochs (seconds per epoch: %s); test accuracy %s on %d images.", trainRows, epochs,
                times, f("%.4f", run.number("fmnist.accuracy", cm.accuracy())), testRows);
        double[][] z = new double[10][10];
        for (int t = 0; t < 10; t++) for (int p = 0; p < 10; p++) z[t][p] = cm.count(t, p);
        run.save(TourPlots.heatMap(f("Fashion-MNIST 784:256:128:10: test confusion matrix, accuracy %.3f", cm.accuracy()),
                "predicted class", "true class", z, CLASSES, CLASSES, true, "0", 1000, 720), "fmnist-confusion.png");
    }

    static int[] argmax(float[] v, int rows) {
        int k = v.length / rows;
        int[] c = new int[rows];
        for (int r = 0; r < rows; r++) for (int j = 1; j < k; j++) if (v[r * k + j] > v[r * k + c[r]]) c[r] = j;
        return c;
    }

    /**
     * Section 8, images: a 784:64:784 autoencoder on Fashion-MNIST, originals above their
     * reconstructions from the 64-number code.
     */
    static void reconstruct(TourRun run) throws IOException {
        int rows = run.quick ? 2000 : 60000, epochs = run.quick ? 1 : 5;
        Dataset all = train(run);
        Dataset x = new Dataset(all.x(), all.x(), all.rows(), 784, 784).slice(0, rows);
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.parse("784:64:784", "relu,logistic"), 1);
        // plain gradient descent needs many more epochs to get past blurry averages; Adam gets there in five
        TrainOptions o = TrainOptions.builder().loss(Loss.MSE).rule(LearningRules.parse("adam:0.003").rule())
                .mode(Mode.MINIBATCH).batchSize(32).epochs(epochs).shuffle(true).seed(1).threads(2).build();
        try (Progress progress = run.progress("autoencoder", epochs)) {
            ae.train(x, o, progress);
        }
        Dataset test = test(run);
        Dataset shown = new Dataset(test.x(), test.x(), test.rows(), 784, 784).slice(0, 1000);
        double mse = ae.reconstructionMse(shown);
        run.sayVarying("   Fashion-MNIST 784:64:784 (ReLU code, logistic output, MSE, Adam 0.003, mini-batch 32, %d images, %d epochs): reconstruction MSE"
                + " %s on 1000 test images.", rows, epochs, f("%.4f", run.number("autoencoder.images.mse", mse)));
        int n = 10;
        float[] r = ae.reconstruct(shown.x(), n);
        List<float[]> originals = new ArrayList<>(), recon = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] label = argmax(java.util.Arrays.copyOf(test.b(), n * 10), n);
        for (int i = 0; i < n; i++) {
            originals.add(java.util.Arrays.copyOfRange(shown.x(), i * 784, (i + 1) * 784));
            recon.add(java.util.Arrays.copyOfRange(r, i * 784, (i + 1) * 784));
            names.add(CLASSES.get(label[i]));
        }
        run.save(TourPlots.imageGrid(f("Autoencoder 784:64:784 on Fashion-MNIST test images (MSE %.4f)", mse), List.of(
                new TourPlots.ImageRow("original", originals, names),
                new TourPlots.ImageRow("from 64 numbers", recon, null)), 28, 28, 3), "autoencoder-images.png");
    }
}
