/*
 * Rego tokens, v0 and v1 alike. What one token cannot decide alone is left to
 * dev.verdict.parser.TokenPass, which runs between this lexer and the parser:
 * the future keywords (in, every, contains, if) become IDENT where the module's
 * version and imports do not enable them, keywords become IDENT where OPA reads
 * them as ref names, and '[' '(' '.' glued to the end of a term become
 * LBRACK_REF, LPAREN_CALL and DOT_REF (OPA only continues a ref or call when
 * nothing separates it from its head: `x[1]` is a ref, `x [1]` is not).
 */
lexer grammar RegoLexer;

tokens { LBRACK_REF, LPAREN_CALL, DOT_REF }

channels { COMMENTS }

PACKAGE  : 'package';
IMPORT   : 'import';
AS       : 'as';
DEFAULT  : 'default';
ELSE     : 'else';
NOT      : 'not';
SOME     : 'some';
WITH     : 'with';
TRUE     : 'true';
FALSE    : 'false';
NULL     : 'null';
EVERY    : 'every';
IN       : 'in';
CONTAINS : 'contains';
IF       : 'if';

ASSIGN  : ':=';
EQ      : '==';
UNIFY   : '=';
NEQ     : '!=';
LTE     : '<=';
GTE     : '>=';
LT      : '<';
GT      : '>';
PLUS    : '+';
MINUS   : '-';
STAR    : '*';
SLASH   : '/';
PERCENT : '%';
AMP     : '&';
PIPE    : '|';
COLON   : ':';
SEMI    : ';';
COMMA   : ',';
DOT     : '.';
LPAREN  : '(';
RPAREN  : ')';
LBRACK  : '[';
RBRACK  : ']';

// Braces keep the mode stack balanced, so that the '}' closing an expression
// inside a template string returns to the template's text.
LBRACE : '{' -> pushMode(DEFAULT_MODE);
RBRACE : '}' { if (!_modeStack.isEmpty()) popMode(); };

IDENT  : [a-zA-Z_] [a-zA-Z0-9_]*;
NUMBER : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)?;

// Escapes are checked when the string is decoded, to report them precisely.
STRING     : '"' (ESCAPE | ~["\\\n])* '"';
RAW_STRING : '`' ~'`'* '`';
UNTERMINATED_STRING : '"' (ESCAPE | ~["\\\n])* | '`' ~'`'*;

TPL_OPEN     : '$"' -> pushMode(TEMPLATE);
RAW_TPL_OPEN : '$`' -> pushMode(RAW_TEMPLATE);

COMMENT : '#' ~[\r\n]* -> channel(COMMENTS);
WS      : [ \t\r\n]+ -> skip;

// Anything else becomes one token that TokenPass reports, so lexing never fails.
ILLEGAL : .;

fragment DIGIT  : [0-9];
fragment ESCAPE : '\\' ~[\n];

mode TEMPLATE;
TPL_TEXT  : (ESCAPE | ~["\\{\n])+;
TPL_EXPR  : '{' -> pushMode(DEFAULT_MODE);
TPL_CLOSE : '"' -> popMode;
TPL_UNTERMINATED : '\n' -> popMode;
TPL_ILLEGAL : . -> type(ILLEGAL);

mode RAW_TEMPLATE;
RAW_TPL_TEXT  : ('\\{' | '\\' | ~[`{\\])+;
RAW_TPL_EXPR  : '{' -> type(TPL_EXPR), pushMode(DEFAULT_MODE);
RAW_TPL_CLOSE : '`' -> popMode;
