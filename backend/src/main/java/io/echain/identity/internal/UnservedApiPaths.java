package io.echain.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Requests no controller serves, whatever the method: they are let through so Spring MVC answers 404, rather than
 * 401 to an anonymous caller for a path that does not exist. A path that exists with another method is served (it
 * still needs a signed-in caller unless a module's rules say otherwise).
 */
class UnservedApiPaths implements RequestMatcher {

    private final ObjectProvider<HandlerMapping> controllers;

    UnservedApiPaths(ObjectProvider<HandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return controllers.getObject().getHandler(request) == null;
        } catch (Exception servedWithAnotherMethodOrType) {
            return false;
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
