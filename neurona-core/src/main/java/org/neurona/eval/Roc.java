package org.neurona.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The ROC curve (receiver operating characteristic) of a binary classifier's scores, and the area
 * under it: RSNNS's {@code plotROC(T, D)}. For every threshold c among -inf, the distinct scores
 * and +inf, a pattern counts as positive when its score is &gt; c:
 * <pre>
 *   tpr(c) = #{positives with score &gt; c} / #positives    (sensitivity)
 *   fpr(c) = #{negatives with score &gt; c} / #negatives    (1 - specificity)
 * </pre>
 * The AUC is the trapezoidal area under (fpr, tpr); it equals the probability that a random
 * positive scores higher than a random negative, ties counting one half (Hanley and McNeil 1982).
 * Reference: T. Fawcett, "An introduction to ROC analysis", Pattern Recognition Letters 27 (2006).
 */
public final class Roc {

    /**
     * One point of the curve.
     *
     * @param threshold scores above this count as positive (+inf for the point (0, 0))
     * @param fpr       false-positive rate
     * @param tpr       true-positive rate
     */
    public record Point(double threshold, double fpr, double tpr) {}

    private final List<Point> points;
    private final double auc;

    private Roc(List<Point> points) {
        this.points = Collections.unmodifiableList(points);
        double a = 0;
        for (int i = 1; i < points.size(); i++) {
            Point p = points.get(i - 1), q = points.get(i);
            a += (q.fpr() - p.fpr()) * (p.tpr() + q.tpr()) / 2;
        }
        this.auc = a;
    }

    /**
     * The curve for scores and binary targets (each 0 or 1).
     *
     * @throws IllegalArgumentException if lengths differ, a target is not 0 or 1, a score is not
     *                                  finite, or one of the two classes is missing
     */
    public static Roc of(float[] scores, float[] targets) {
        if (scores.length != targets.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + targets.length + " targets");
        }
        int n = scores.length, pos = 0;
        for (int i = 0; i < n; i++) {
            if (targets[i] != 0 && targets[i] != 1) {
                throw new IllegalArgumentException("target " + (i + 1) + " is " + targets[i] + "; expected 0 or 1 for a ROC curve");
            }
            if (!Float.isFinite(scores[i])) throw new IllegalArgumentException("score " + (i + 1) + " is " + scores[i] + "; expected a finite number");
            if (targets[i] == 1) pos++;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("a ROC curve needs positive and negative patterns; got " + pos
                    + " positives and " + neg + " negatives");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));  // highest score first
        List<Point> pts = new ArrayList<>();
        pts.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        int tp = 0, fp = 0;
        for (int i = 0; i < n; ) {
            float s = scores[order[i]];
            while (i < n && scores[order[i]] == s) {
                if (targets[order[i]] == 1) tp++; else fp++;
                i++;
            }
            // threshold just below s: the next lower distinct score, or -inf after the lowest
            double c = i < n ? scores[order[i]] : Double.NEGATIVE_INFINITY;
            pts.add(new Point(c, (double) fp / neg, (double) tp / pos));
        }
        return new Roc(pts);
    }

    /** The points from (0, 0) to (1, 1), in order of increasing fpr. */
    public List<Point> points() {
        return points;
    }

    /** Area under the curve, in [0, 1]. */
    public double auc() {
        return auc;
    }
}
