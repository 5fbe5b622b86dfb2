package com.onautomate.opportunities.mockserver.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.onautomate.opportunities.mockserver.errors.FieldProblems;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Reads one request body type from a JSON tree and checks every field against the contract,
 * collecting all problems instead of stopping at the first (Jackson's binding would stop at the
 * first, and would turn 123 into "123"). A body that is not a JSON object, or whose strings hold a
 * lone surrogate escape, is unreadable (400).
 */
public abstract class RequestBodyReader implements HttpMessageConverter<Object> {

  private static final ObjectReader TREE = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .reader();

  private final Class<?> type;

  protected RequestBodyReader(Class<?> type) {
    this.type = type;
  }

  /** Builds the body from a JSON object; field problems go to {@code problems}, never thrown. */
  protected abstract Object read(JsonNode body, FieldProblems problems);

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return clazz == type;
  }

  @Override
  public boolean canWrite(Class<?> clazz, MediaType mediaType) {
    return false;
  }

  @Override
  public List<MediaType> getSupportedMediaTypes() {
    return List.of(MediaType.APPLICATION_JSON);
  }

  @Override
  public Object read(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
    JsonNode tree;
    try {
      tree = TREE.readTree(inputMessage.getBody());
    } catch (JsonProcessingException e) {
      throw new HttpMessageNotReadableException("Not JSON", e, inputMessage);
    }
    if (tree == null || !tree.isObject()) {
      throw new HttpMessageNotReadableException("Not a JSON object", inputMessage);
    }
    if (hasLoneSurrogate(tree)) {
      throw new HttpMessageNotReadableException("A lone surrogate escape (\\ud800): not Unicode text", inputMessage);
    }
    return read(tree, new FieldProblems());
  }

  /** Anywhere in the body, ignored fields included: the body as a whole is not text. */
  private static boolean hasLoneSurrogate(JsonNode node) {
    if (node.isTextual()) {
      return StrictUtf8.hasLoneSurrogate(node.textValue());
    }
    for (var fields = node.fields(); fields.hasNext(); ) {
      var field = fields.next();
      if (StrictUtf8.hasLoneSurrogate(field.getKey()) || hasLoneSurrogate(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (hasLoneSurrogate(item)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void write(Object o, MediaType contentType, HttpOutputMessage outputMessage) {
    throw new UnsupportedOperationException("read only");
  }
}
