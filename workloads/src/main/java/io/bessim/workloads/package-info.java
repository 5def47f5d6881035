/**
 * Traffic models: the server on the wired LAN, the transport protocol and the receiving
 * application on the tablet. A {@link io.bessim.workloads.Traffic} is both the far side of the air
 * link ({@link io.bessim.chip.air.AirLink.Peer}) and the host network stack above the driver
 * ({@link io.bessim.driver.NetStack}).
 *
 * <p>Downlink: server --(wired one-way delay)--> AP queue --air--> chip --driver--> {@code
 * NetStack.receive}. Uplink (TCP ACKs): driver TX --> chip --air--> AP ({@code
 * uplinkDelivered}) --(wired one-way delay)--> server. Loss reports from the air link are used for
 * statistics only; the transport notices loss by itself, as a real one must.
 *
 * <p>Frame sizes follow timing-facts 4.2: a 1500-B IP packet is a 1554-B MPDU, a 52-B TCP ACK a
 * 106-B MPDU. Both models are deterministic; they draw no random numbers.
 *
 * <p>What the sending application offers, and when, is an {@code OfferSchedule}: a constant rate
 * ({@code RateClock}), a linear ramp, on/off chunk bursts, or a replayed {@link
 * io.bessim.workloads.ReplayTrace}. {@link io.bessim.workloads.TrafficSpec} describes a flow in the
 * model's units and {@link io.bessim.workloads.TrafficFactory} builds it (docs/workloads.md).
 */
package io.bessim.workloads;
