/**
 * neurona: neural networks the way the backpropagation lecture teaches them. {@link org.neurona.Lecture}
 * holds the lecture's hands-on exercise as one call; the subpackages hold the library.
 */
package org.neurona;
