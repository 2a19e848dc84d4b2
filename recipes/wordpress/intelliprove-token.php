<?php
/**
 * Plugin Name: IntelliProve token endpoint
 * Description: The token endpoint of intelliprove-widgets: short-lived IntelliProve credentials for the signed-in WordPress user.
 * Version: 0.1.0
 * Requires PHP: 7.4
 * License: MIT
 *
 * Where it goes: wp-content/plugins/intelliprove-token/intelliprove-token.php (then activate
 * it under Plugins), or wp-content/mu-plugins/ (always on). Set the key in wp-config.php:
 *
 *   define( 'INTELLIPROVE_API_KEY', '…' );                              // or the environment
 *   define( 'INTELLIPROVE_API_BASE', 'https://engine.intelliprove.com' ); // the default
 *
 * The page (a Custom HTML block, a template) points the kit's script tag at it:
 *
 *   <script src="/assets/intelliprove-widgets.js"
 *     data-token-endpoint="/wp-admin/admin-ajax.php?action=intelliprove_token"></script>
 *
 * (WordPress in a subfolder: prefix the folder, or print admin_url( 'admin-ajax.php?action=
 * intelliprove_token' ) from PHP.)
 *
 * What to replace: intelliprove_current_user() below, if your users' IntelliProve id should
 * not be their WordPress e-mail. Nothing else.
 *
 * Why admin-ajax.php and not a REST route (register_rest_route): WordPress REST accepts a
 * login cookie only together with a nonce (the X-WP-Nonce header, or a _wpnonce parameter);
 * without one it treats the request as signed out, so the route would answer 401 to everyone.
 * The kit sends no custom headers, so the nonce would have to ride in data-token-endpoint,
 * printed by PHP into each page: impossible in a Custom HTML block, stale in a cached page, and
 * expired after 12 to 24 hours in a tab left open (WordPress then answers 403, to signed-out
 * users too, where the kit expects 401). admin-ajax.php authenticates the login cookie alone,
 * its wp_ajax_nopriv_ hook gives the signed-out 401, and the URL is the same on every page.
 * What the nonce guards against, another site posting with the visitor's cookie, is kept out
 * by requiring "Content-Type: application/json": a cross-site request can send that only after
 * a CORS preflight, which admin-ajax.php refuses to every origin but the site's own.
 *
 * What it answers is CONTRACT §5 of intelliprove-widgets; `npx intelliprove-widgets doctor
 * https://your.site/page-with-the-kit --header "Cookie: …"` checks it from outside.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

// ▼▼▼ REPLACE THIS FUNCTION if the id should be another: who is signed in, or null ▼▼▼
/**
 * The signed-in user's IntelliProve id, from WordPress's own session, or null. The e-mail is
 * what the other recipes use; 'wp-' . $user->ID would survive a change of e-mail. Never take
 * the user from the request body or the query string: anyone can write those.
 */
function intelliprove_current_user() {
	$user = wp_get_current_user();
	return $user->exists() && '' !== $user->user_email ? $user->user_email : null;
}
// ▲▲▲ up to here ▲▲▲

add_action( 'wp_ajax_intelliprove_token', 'intelliprove_token_endpoint' );
add_action( 'wp_ajax_nopriv_intelliprove_token', 'intelliprove_token_endpoint' );

/** An answer other than 200: its status, code and message. */
class IntelliProve_Token_Failure extends Exception {
	public $status;
	public $error_code;

	public function __construct( $status, $error_code, $message ) {
		parent::__construct( $message );
		$this->status     = $status;
		$this->error_code = $error_code;
	}
}

function intelliprove_token_setting( $name, $fallback = '' ) {
	if ( defined( $name ) ) {
		return (string) constant( $name );
	}
	$value = getenv( $name );
	return ( false === $value || '' === $value ) ? $fallback : $value;
}

function intelliprove_token_upstream_failure( $message ) {
	return new IntelliProve_Token_Failure( 502, 'upstream-failed', 'IntelliProve ' . $message );
}

function intelliprove_token_detail( $body ) {
	if ( ! is_array( $body ) || ! isset( $body['detail'] ) ) {
		return '';
	}
	return is_string( $body['detail'] ) ? $body['detail'] : wp_json_encode( $body['detail'] );
}

function intelliprove_token_failed( $what, $status, $body ) {
	$hint   = ( 401 === $status || 403 === $status ) ? ' (check INTELLIPROVE_API_KEY)' : '';
	$detail = intelliprove_token_detail( $body );
	return intelliprove_token_upstream_failure( $what . ' answered ' . $status . ( '' !== $detail ? ': ' . $detail : '' ) . $hint );
}

/**
 * One call to IntelliProve with the API key: array( status, parsed JSON or null ). The key goes
 * to the API base only: a redirect is not followed (redirection 0), it fails the call.
 */
function intelliprove_token_call( $method, $path, $body = null ) {
	$what = $method . ' ' . strtok( $path, '?' );
	$base = rtrim( intelliprove_token_setting( 'INTELLIPROVE_API_BASE', 'https://engine.intelliprove.com' ), '/' );
	$args = array(
		'method'              => $method,
		'headers'             => array(
			'Accept'    => 'application/json',
			'x-api-key' => intelliprove_token_setting( 'INTELLIPROVE_API_KEY' ),
		),
		'timeout'             => 10,
		'redirection'         => 0,
		'limit_response_size' => 1024 * 1024,
	);
	if ( null !== $body ) {
		$args['headers']['Content-Type'] = 'application/json';
		$args['body']                    = wp_json_encode( $body );
	}
	$response = wp_remote_request( $base . $path, $args );
	if ( is_wp_error( $response ) ) {
		throw intelliprove_token_upstream_failure( $what . ': unreachable (' . $response->get_error_message() . ')' );
	}
	$text = wp_remote_retrieve_body( $response );
	return array( (int) wp_remote_retrieve_response_code( $response ), '' === $text ? null : json_decode( $text, true ) );
}

/** The user's IntelliProve profile, creating the user on first use. */
function intelliprove_token_profile( $user, $language ) {
	$query = '/v2/users?' . http_build_query( array( 'external_user_id' => $user ), '', '&', PHP_QUERY_RFC3986 );
	list( $status, $body ) = intelliprove_token_call( 'GET', $query );
	if ( 404 === $status ) {
		$fields = array( 'external_user_id' => $user );
		if ( $language ) {
			$fields['language'] = $language;
		}
		list( $created_status, $created ) = intelliprove_token_call( 'POST', '/v2/users', $fields );
		if ( 200 === $created_status || 201 === $created_status ) {
			list( $status, $body ) = array( $created_status, $created );
		} elseif ( ( 400 === $created_status || 409 === $created_status ) && false !== stripos( intelliprove_token_detail( $created ), 'exist' ) ) {
			list( $status, $body ) = intelliprove_token_call( 'GET', $query ); // A parallel request created it.
		} else {
			throw intelliprove_token_failed( 'POST /v2/users', $created_status, $created );
		}
	}
	if ( 200 !== $status && 201 !== $status ) {
		throw intelliprove_token_failed( 'GET /v2/users', $status, $body );
	}
	return is_array( $body ) ? $body : array();
}

/** The `exp` (seconds) of a JWT, unverified: when to ask again. Null if it has none. */
function intelliprove_token_jwt_exp( $token ) {
	$parts = explode( '.', (string) $token );
	if ( count( $parts ) < 2 ) {
		return null;
	}
	$claims = json_decode( (string) base64_decode( strtr( $parts[1], '-_', '+/' ) ), true );
	$exp    = is_array( $claims ) && isset( $claims['exp'] ) ? $claims['exp'] : null;
	return ( is_int( $exp ) || is_float( $exp ) ) ? $exp : null;
}

/** `$seconds` as ISO-8601 in UTC ("Z"); an expiry passed or absurdly far ahead is a 502. */
function intelliprove_token_iso( $what, $seconds ) {
	$now = time();
	if ( ! ( $seconds > $now + 1 && $seconds <= $now + 366 * 86400 ) ) {
		throw intelliprove_token_upstream_failure( $what . ': an expiry that has passed or makes no sense' );
	}
	return gmdate( 'Y-m-d\TH:i:s\Z', (int) floor( $seconds ) );
}

/** A plug-in URL answer: array( url, expires_at ), at most `$latest` or its token's `exp`. */
function intelliprove_token_plugin_url( $what, $status, $body, $latest ) {
	if ( 200 !== $status && 201 !== $status ) {
		throw intelliprove_token_failed( $what, $status, $body );
	}
	$parts = is_string( $body ) ? wp_parse_url( $body ) : false;
	if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) || ! in_array( $parts['scheme'], array( 'https', 'http' ), true ) ) {
		throw intelliprove_token_upstream_failure( $what . ' did not answer with a URL' );
	}
	$query = array();
	parse_str( isset( $parts['query'] ) ? $parts['query'] : '', $query );
	$exp = isset( $query['action_token'] ) ? intelliprove_token_jwt_exp( $query['action_token'] ) : null;
	return array(
		'url'        => $body,
		'expires_at' => intelliprove_token_iso( $what, null === $exp ? $latest : min( $latest, $exp ) ),
	);
}

/** The browser's request: array( purpose, language, disabled_sections ), or a 400. */
function intelliprove_token_parse( $raw ) {
	$body     = json_decode( $raw, true );
	$purposes = array( 'face-scan', 'dashboard', 'api' );
	$sections = array( 'main', 'metrics', 'biomarkers', 'recommendations', 'todos' );
	if ( ! is_array( $body ) ) {
		throw new IntelliProve_Token_Failure( 400, 'invalid-body', 'Send a JSON object such as {"purpose":"api"}.' );
	}
	if ( ! isset( $body['purpose'] ) || ! in_array( $body['purpose'], $purposes, true ) ) {
		throw new IntelliProve_Token_Failure( 400, 'invalid-body', '"purpose" must be one of face-scan, dashboard, api.' );
	}
	$language = null;
	if ( isset( $body['language'] ) ) {
		$language = is_string( $body['language'] ) ? strtolower( preg_split( '/[-_]/', $body['language'] )[0] ) : '';
		if ( ! in_array( $language, array( 'en', 'nl', 'fr', 'da', 'sv' ), true ) ) {
			throw new IntelliProve_Token_Failure( 400, 'invalid-body', '"language" must be one of en, nl, fr, da, sv.' );
		}
	}
	$disabled = isset( $body['disabled_sections'] ) ? $body['disabled_sections'] : array();
	$listed   = is_array( $disabled ) && array_values( $disabled ) === $disabled;
	foreach ( $listed ? $disabled : array() as $section ) {
		$listed = $listed && in_array( $section, $sections, true );
	}
	if ( ! $listed ) {
		throw new IntelliProve_Token_Failure( 400, 'invalid-body', '"disabled_sections" must be a list of ' . implode( ', ', $sections ) . '.' );
	}
	return array( $body['purpose'], $language, array_values( array_unique( $disabled ) ) );
}

/** What IntelliProve gives `$user` for the request. */
function intelliprove_token_issue( $user, $purpose, $language, $disabled ) {
	$profile = intelliprove_token_profile( $user, $language );
	if ( ! $language && isset( $profile['language'] ) && in_array( $profile['language'], array( 'en', 'nl', 'fr', 'da', 'sv' ), true ) ) {
		$language = $profile['language'];
	}
	if ( 'api' === $purpose ) {
		$what                  = 'POST /v2/users/authenticate';
		list( $status, $body ) = intelliprove_token_call( 'POST', '/v2/users/authenticate', array( 'external_user_id' => $user ) );
		if ( 200 !== $status && 201 !== $status ) {
			throw intelliprove_token_failed( $what, $status, $body );
		}
		$token = is_array( $body ) && isset( $body['token'] ) ? $body['token'] : null;
		if ( ! is_string( $token ) || '' === $token ) {
			throw intelliprove_token_upstream_failure( $what . ' did not answer with a token' );
		}
		$exp    = intelliprove_token_jwt_exp( $token );
		$answer = array(
			'token'      => $token,
			'expires_at' => intelliprove_token_iso( $what, null === $exp ? time() + 3600 : $exp ),
		);
	} elseif ( 'face-scan' === $purpose ) {
		$latest = time() + 6 * 3600; // IntelliProve's plug-in URLs are valid six hours.
		$query  = array(
			'external_user_id' => $user,
			'expire_at'        => intelliprove_token_iso( 'expire_at', $latest ),
		);
		if ( $language ) {
			$query['language'] = $language;
		}
		list( $status, $body ) = intelliprove_token_call( 'GET', '/v2/userjourneys/scan?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ) );
		$answer                = intelliprove_token_plugin_url( 'GET /v2/userjourneys/scan', $status, $body, $latest );
	} else {
		$fields = array(
			'external_user_id'  => $user,
			'disabled_sections' => $disabled,
		);
		if ( $language ) {
			$fields['language'] = $language;
		}
		list( $status, $body ) = intelliprove_token_call( 'POST', '/v2/dashboards/health', $fields );
		$answer                = intelliprove_token_plugin_url( 'POST /v2/dashboards/health', $status, $body, time() + 6 * 3600 );
	}
	if ( isset( $profile['preferred_unit_system'] ) && in_array( $profile['preferred_unit_system'], array( 'metric', 'imperial' ), true ) ) {
		$answer['unit_system'] = $profile['preferred_unit_system'];
	}
	if ( isset( $profile['language'] ) && is_string( $profile['language'] ) && '' !== $profile['language'] ) {
		$answer['language'] = $profile['language'];
	}
	return $answer;
}

/**
 * Sends the answer and ends the request. Not wp_send_json(): its wp_die() resends WordPress's
 * nocache headers, which before WordPress 6.3 lack "no-store".
 */
function intelliprove_token_send( $status, $answer ) {
	status_header( $status );
	header( 'Content-Type: application/json; charset=utf-8' );
	header( 'Cache-Control: no-store' );
	header( 'X-Content-Type-Options: nosniff' );
	if ( 405 === $status ) {
		header( 'Allow: POST' );
	}
	echo wp_json_encode( $answer, JSON_UNESCAPED_SLASHES );
	exit;
}

/** The endpoint: admin-ajax.php?action=intelliprove_token, signed in or not. */
function intelliprove_token_endpoint() {
	$key = intelliprove_token_setting( 'INTELLIPROVE_API_KEY' );
	try {
		if ( ! isset( $_SERVER['REQUEST_METHOD'] ) || 'POST' !== $_SERVER['REQUEST_METHOD'] ) {
			throw new IntelliProve_Token_Failure( 405, 'method-not-allowed', 'POST only.' );
		}
		// The kit always sends JSON. A cross-site form cannot (see the note at the top).
		$type = isset( $_SERVER['CONTENT_TYPE'] ) ? strtolower( trim( explode( ';', $_SERVER['CONTENT_TYPE'] )[0] ) ) : '';
		if ( 'application/json' !== $type ) {
			throw new IntelliProve_Token_Failure( 415, 'invalid-body', 'Send "Content-Type: application/json".' );
		}
		$raw = (string) file_get_contents( 'php://input', false, null, 0, 16 * 1024 + 1 );
		if ( strlen( $raw ) > 16 * 1024 ) {
			throw new IntelliProve_Token_Failure( 413, 'too-large', 'The request body is over 16 KiB.' );
		}
		list( $purpose, $language, $disabled ) = intelliprove_token_parse( $raw );
		$user                                  = intelliprove_current_user();
		if ( ! is_string( $user ) || '' === $user ) {
			throw new IntelliProve_Token_Failure( 401, 'unauthenticated', 'Sign in first: no user for this session.' );
		}
		if ( '' === $key ) {
			throw new IntelliProve_Token_Failure( 500, 'not-configured', 'INTELLIPROVE_API_KEY is not set.' );
		}
		intelliprove_token_send( 200, intelliprove_token_issue( $user, $purpose, $language, $disabled ) );
	} catch ( IntelliProve_Token_Failure $failure ) {
		$message = $failure->getMessage();
		if ( '' !== $key ) {
			$message = str_ireplace( array( $key, rawurlencode( $key ) ), '[redacted]', $message );
		}
		if ( $failure->status >= 500 ) {
			error_log( 'intelliprove token endpoint: ' . $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
		}
		intelliprove_token_send(
			$failure->status,
			array(
				'error'   => $failure->error_code,
				'message' => $message,
			)
		);
	}
}
