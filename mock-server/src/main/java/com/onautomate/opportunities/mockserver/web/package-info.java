/**
 * Web plumbing shared by every feature: the servlet filters a request passes before Spring MVC
 * (CORS, token, rate limit, body size and type, kept answers; their order in {@code FilterOrder}),
 * the {@code Prefer} header's grammar, reading request bodies field by field, writing times as the
 * contract does, and the contract's own pages ({@code /openapi.yaml}, {@code /docs}). A feature's
 * routes live in the feature's package, not here.
 */
package com.onautomate.opportunities.mockserver.web;
