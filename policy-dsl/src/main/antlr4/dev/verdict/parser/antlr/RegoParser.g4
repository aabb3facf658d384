/*
 * Rego v0 and v1 syntax. The grammar is deliberately permissive where OPA's
 * rules depend on meaning rather than shape (which heads are valid, what `some`
 * may declare, v1's `if`/`contains` requirements): dev.verdict.parser's
 * ModuleBuilder and TermBuilder check those and report them in OPA's words.
 *
 * Newlines are not tokens: literals of a body follow each other, separated by
 * ';' or by nothing, and the builder checks that "nothing" spans a newline. As
 * in OPA, an expression continues across a line break while the next token can
 * continue it (`a\n+ b` is one literal).
 */
parser grammar RegoParser;

options { tokenVocab = RegoLexer; }

module   : statement* EOF;
query    : body EOF;
termOnly : kvTerm EOF;

statement
    : PACKAGE refTerm                                   # packageDecl
    | IMPORT refTerm (AS IDENT)?                        # importDecl
    | DEFAULT ruleHead                                  # defaultRule
    | ruleHead (ruleBody (elseClause+ | braceBody+)?)?  # ruleDecl
    ;

ruleHead : headRef (CONTAINS kvTerm | op=(ASSIGN | UNIFY) kvTerm)?;

// Unlike a term, a rule head may have blanks before '.', '[' and '(' (OPA allows `p [x] { … }`).
headRef     : IDENT (refSuffix | looseSuffix)*;
looseSuffix : DOT IDENT | LBRACK kvTerm RBRACK | LPAREN args? RPAREN;

ruleBody   : IF (braceBody | literal) | braceBody;
braceBody  : LBRACE body RBRACE;
elseClause : ELSE (op=(ASSIGN | UNIFY) kvTerm ruleBody? | ruleBody);

body       : literal (SEMI? literal)*;
literal    : NOT? (someDecl | everyDecl | expr) withClause*;
expr       : kvTerm (op=(ASSIGN | UNIFY) kvTerm)?;
someDecl   : SOME relTerm (COMMA relTerm)* (IN relTerm)?;
everyDecl  : EVERY relTerm (COMMA relTerm)? IN relTerm braceBody;
withClause : WITH refTerm AS kvTerm;

// Where OPA accepts `k, v in xs` (a whole expression, a value, an index) and where it does not (list elements).
kvTerm   : relTerm (COMMA relTerm IN relTerm)? (IN relTerm)*;
listTerm : relTerm (IN relTerm)*;

// Earlier alternatives bind tighter.
relTerm
    : relTerm op=(STAR | SLASH | PERCENT) relTerm         # binaryTerm
    | relTerm op=(PLUS | MINUS) relTerm                   # binaryTerm
    | relTerm op=AMP relTerm                              # binaryTerm
    | relTerm op=PIPE relTerm                             # binaryTerm
    | relTerm op=(EQ | NEQ | LT | LTE | GT | GTE) relTerm # binaryTerm
    | refTerm                                             # operandTerm
    ;

refTerm   : primary refSuffix*;
refSuffix : DOT_REF IDENT | LBRACK_REF kvTerm RBRACK | LPAREN_CALL args? RPAREN;
args      : listTerm (COMMA listTerm)* COMMA?;

// Comprehensions come first: OPA reads `[x | y]` as a comprehension, not as an array holding `x | y`.
primary
    : IDENT                                                  # varTerm
    | MINUS? DOT? NUMBER                                     # numberTerm
    | (STRING | RAW_STRING)                                  # stringTerm
    | (TRUE | FALSE | NULL)                                  # constantTerm
    | LBRACK refTerm PIPE body RBRACK                        # arrayComprehension
    | LBRACK (COMMA? listTerm (COMMA listTerm)* COMMA?)? RBRACK # arrayTerm
    | LBRACE refTerm PIPE body RBRACE                        # setComprehension
    | LBRACE listTerm COLON refTerm PIPE body RBRACE         # objectComprehension
    | LBRACE (COMMA? item (COMMA item)* COMMA?)? RBRACE      # objectTerm
    | LBRACE COMMA? listTerm (COMMA listTerm)* COMMA? RBRACE # setTerm
    | LPAREN kvTerm RPAREN                                   # parenTerm
    | TPL_OPEN templatePart* TPL_CLOSE                       # templateTerm
    | RAW_TPL_OPEN templatePart* RAW_TPL_CLOSE               # templateTerm
    ;

item         : listTerm COLON listTerm;
templatePart : TPL_TEXT | RAW_TPL_TEXT | TPL_EXPR literal RBRACE;
