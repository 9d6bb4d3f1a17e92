package dev.orderflow.standalone;

/** The fulfilment paths with the credit check in-line, as the standalone runs by default. */
class OrderFulfilmentIT extends OrderFulfilmentBehaviour {
}
