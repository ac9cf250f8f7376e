<#-- The capacity chooser: one row per capacity (radio, organisation or target-group name, key) in a real form,
     so keyboard (Tab to the group, arrows between options, Enter to submit) and screen readers work. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("toegangChooseTitle")}
    <#elseif section = "form">
        <style>
            #toegang-capacity .toegang-option { display: flex; align-items: center; gap: 0.75rem; margin: 0.5rem 0; }
            #toegang-capacity .toegang-option input { flex: none; margin: 0; width: 1.25rem; height: 1.25rem; }
            #toegang-capacity .toegang-option label { display: flex; flex: 1; min-width: 0; align-items: baseline; gap: 0.75rem; margin: 0; cursor: pointer; }
            <#-- a long name or target group (French, German) wraps inside its own column, never out of the box -->
            #toegang-capacity .toegang-name { font-weight: 600; flex: 0 1 auto; min-width: 0; overflow-wrap: anywhere; }
            #toegang-capacity .toegang-key { flex: 1 1 0; min-width: 0; overflow-wrap: anywhere; color: #4d5258; }
        </style>
        <form id="toegang-capacity" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <fieldset class="${properties.kcFormGroupClass!}">
                <legend class="${properties.kcFormLabelClass!}">${msg("toegangChooseLegend")}</legend>
                <#list capacities as capacity>
                    <div class="toegang-option" id="capacity-${capacity?index}-row">
                        <input type="radio" name="capacity" id="capacity-${capacity?index}" value="${capacity.id}"
                               <#if capacity?is_first>checked</#if>>
                        <label for="capacity-${capacity?index}">
                            <#if capacity.perOrganisation>
                                <span class="toegang-name">${capacity.organisationName}</span>
                                <span class="toegang-key">${capacity.organisationKeys} · ${msg("toegangTargetGroup." + capacity.targetGroupCode)}</span>
                            <#else>
                                <span class="toegang-name">${msg("toegangTargetGroup." + capacity.targetGroupCode)}</span>
                                <span class="toegang-key">${capacity.organisationKeys}</span>
                            </#if>
                        </label>
                    </div>
                </#list>
            </fieldset>
            <div id="kc-form-buttons" class="${properties.kcFormButtonsClass!}">
                <button class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit" id="toegang-choose">${msg("toegangChooseSubmit")}</button>
            </div>
        </form>
    <#elseif section = "info">
        ${msg("toegangChooseInfo")}
    </#if>
</@layout.registrationLayout>
