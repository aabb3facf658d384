package dev.verdict.builtins.graphql;

import graphql.language.Document;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import graphql.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query validation against a schema with graphql-java's validator (the rules gqlparser
 * implements too); the first finding is reported with its location, worded as gqlparser does
 * where the two are known to differ.
 */
final class GqlQueryValidator {

  private static final String PLACEHOLDER_QUERY = "VerdictUnsupportedQueryRoot";
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  private GqlQueryValidator() {}

  /** A query that does not validate, with the position of the offending element. */
  static final class InvalidQuery extends RuntimeException {
    final int line;
    final int column;

    InvalidQuery(String message, int line, int column) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }
  }

  /** Validates {@code queryText} (original text when there is one, else printed from the AST). */
  static void validate(GqlSchema schema, String queryText) {
    GraphQLSchema graphQLSchema;
    try {
      graphQLSchema = UnExecutableSchemaGenerator.makeUnExecutableSchema(
          new SchemaParser().parse(GqlPrinter.schema(schema, PLACEHOLDER_QUERY)));
    } catch (SchemaProblem | graphql.AssertException e) {
      throw new InvalidQuery(e.getMessage(), 0, 0);
    }
    Document document;
    try {
      document = Parser.parse(queryText);
    } catch (InvalidSyntaxException e) {
      throw new InvalidQuery(e.getMessage(), 0, 0);
    }
    List<ValidationError> errors = new Validator().validateDocument(graphQLSchema, document, Locale.ENGLISH);
    if (errors.isEmpty()) {
      return;
    }
    ValidationError first = errors.get(0);
    SourceLocation at = first.getLocations() == null || first.getLocations().isEmpty()
        ? new SourceLocation(0, 0) : first.getLocations().get(0);
    throw new InvalidQuery(message(schema, first), at.getLine(), at.getColumn());
  }

  private static String message(GqlSchema schema, ValidationError e) {
    String description = e.getDescription();
    if (e.getValidationErrorType() == ValidationErrorType.MissingFieldArgument) {
      Matcher m = QUOTED.matcher(description);
      List<String> path = e.getQueryPath();
      if (m.find() && path != null && !path.isEmpty()) {
        String field = String.valueOf(path.get(path.size() - 1));
        String argument = m.group(1);
        String type = argumentType(schema, field, argument);
        return "Field \"" + field + "\" argument \"" + argument + "\" of type \"" + type
            + "\" is required, but it was not provided";
      }
    }
    int colon = description.indexOf(") : ");
    return colon >= 0 ? description.substring(colon + 4) : description;
  }

  private static String argumentType(GqlSchema schema, String field, String argument) {
    for (GqlSchema.Type t : schema.types.values()) {
      var f = t.field(field);
      if (f != null) {
        for (var arg : GqlSchema.list(f, "Arguments")) {
          if (GqlSchema.str(arg, "Name").equals(argument)) {
            return GqlSchema.typeString((dev.verdict.value.ObjectValue) arg.get("Type"));
          }
        }
      }
    }
    return "";
  }
}
