<#-- Sign-in refused: why (reasonKey), and what to do. No form: nothing the person can change here. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("toegangRefusedTitle")}
    <#elseif section = "form">
        <div id="toegang-refused" role="alert">
            <p id="toegang-reason" data-reason="${reasonKey}">${msg(reasonKey, application!"")}</p>
            <p id="toegang-what-to-do">${msg(reasonKey + "What")}</p>
        </div>
    </#if>
</@layout.registrationLayout>
