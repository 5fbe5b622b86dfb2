/**
 * Chosen answers: a request that says {@code Prefer: code=NNN} or {@code Prefer: example=NAME} (as
 * Stoplight Prism's users write them) gets the answer the contract documents, read from the
 * contract itself, without reaching the store.
 */
package com.onautomate.opportunities.mockserver.answers;
