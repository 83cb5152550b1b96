/** The restorer: plan blobs by pack, fetch each pack once, verify, write, then set metadata. */
package dev.coffer.agent.restore;
