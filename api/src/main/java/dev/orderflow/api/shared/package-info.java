/** Value types shared by every subdomain: they validate themselves, so a bad value cannot exist past the edge. */
package dev.orderflow.api.shared;
