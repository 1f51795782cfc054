/** Which proxy a URL goes through: {@code --proxy}, the *_proxy variables and no_proxy, decided as curl does, with no I/O. */
package dev.haul.core.proxy;
