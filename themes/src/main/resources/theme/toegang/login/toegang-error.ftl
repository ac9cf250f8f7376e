<#-- A request the platform cannot serve (malformed login_hint, directory unavailable): a plain page, no stack trace. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("toegangErrorTitle")}
    <#elseif section = "form">
        <div id="toegang-error" role="alert">
            <p id="toegang-reason" data-reason="${reasonKey}">${msg(reasonKey)}</p>
            <#if detail?? && detail?has_content><p id="toegang-detail"><code>${detail}</code></p></#if>
            <p id="toegang-what-to-do">${msg(reasonKey + "What")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
