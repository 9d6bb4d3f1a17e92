/**
 * What the tests and the bench share to drive a running Orderflow from outside, so that each exists once.
 */
package dev.orderflow.testfixtures;
