/**
 * Networks built from layers: the multilayer feedforward net, the McCulloch-Pitts unit and perceptron, and the other families of the lecture.
 */
package org.neurona.net;
