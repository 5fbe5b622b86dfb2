package com.onautomate.opportunities.mockserver.admin;

import com.onautomate.opportunities.mockserver.fixtures.StartState;
import com.onautomate.opportunities.mockserver.web.ApiPathFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Makes a reset atomic for this server's clients: every API request runs under the read side of one
 * lock, a reset under its write side, so a request sees the data wholly before or wholly after the
 * reset, never a half of each (a list reads its page buckets and its rows in two statements, outside
 * a transaction). A reset waits for the requests in flight and new requests wait for the reset (a
 * few milliseconds for fixtures of hundreds of rows). The read side is one atomic add per request,
 * uncontended unless a reset runs. Other servers on the same PostgreSQL are held off by the
 * database instead ({@code storage.StoreLock}).
 */
public final class ResetGate extends ApiPathFilter {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final StartState startState;

  ResetGate(StartState startState) {
    this.startState = startState;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Lock read = lock.readLock();
    read.lock();
    try {
      chain.doFilter(request, response);
    } finally {
      read.unlock();
    }
  }

  /** Back to the start state, with no API request of this server in flight. */
  public void reset() {
    Lock write = lock.writeLock();
    write.lock();
    try {
      startState.reset();
    } finally {
      write.unlock();
    }
  }
}
