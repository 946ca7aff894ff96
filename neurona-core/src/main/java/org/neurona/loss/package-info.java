/**
 * What training minimises: the lecture's SSE, MSE, and softmax/logistic cross-entropy with the fused output delta.
 */
package org.neurona.loss;
