package org.neurona.train.rule;

import java.util.List;
import org.neurona.data.Dataset;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.math.Parallel;
import org.neurona.net.FeedForward;
import org.neurona.train.Trainer;

/**
 * The full-batch error of a {@link FeedForward} net on a data set as an {@link Objective}: the
 * same steps as one batch of {@link Trainer} (zero the gradients, forward, loss, output delta,
 * backward), without L2. It shows what a trainer hands to a {@link FullBatchRule}, and lets the
 * tests drive iRprop+ and SCG on real networks.
 */
final class NetObjective implements Problems.Problem, AutoCloseable {
    private final FeedForward net;
    private final Dataset data;
    private final Loss loss;
    private final Parallel parallel = new Parallel(1);
    private final FeedForward.Workspace ws;

    NetObjective(FeedForward net, Dataset data, Loss loss) {
        this.net = net;
        this.data = data;
        this.loss = loss;
        this.ws = net.workspace(data.rows(), parallel);
    }

    @Override
    public List<Param> params() {
        return net.params();
    }

    @Override
    public double lossAndGradient() {
        int rows = data.rows(), width = data.outputs();
        for (Param p : net.params()) {
            p.zeroGrad();
        }
        float[] a = net.forward(ws, data.x(), rows, null);
        var out = net.layers().get(net.layers().size() - 1).activation();
        double e = loss.value(ws.outputNetInput(), a, data.b(), rows, width, out);
        loss.delta(a, data.b(), ws.outputDelta(), rows, width, loss.scale(rows));
        net.backward(ws, data.x(), rows, loss.fuses(out), true);
        return loss.reduction() == Loss.Reduction.SUM ? e : e / rows;
    }

    @Override
    public void close() {
        parallel.close();
    }
}
