<#-- The capacity chooser: one radio button per capacity, a real form, so keyboard and screen readers work. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("toegangChooseTitle")}
    <#elseif section = "form">
        <form id="toegang-capacity" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <fieldset class="${properties.kcFormGroupClass!}">
                <legend class="${properties.kcFormLabelClass!}">${msg("toegangChooseLegend")}</legend>
                <#list capacities as capacity>
                    <div class="${properties.kcCheckboxClass!}">
                        <input class="${properties.kcCheckboxInputClass!}" type="radio" name="capacity"
                               id="capacity-${capacity?index}" value="${capacity.id}" <#if capacity?is_first>checked</#if>
                               aria-describedby="capacity-${capacity?index}-orgs">
                        <label class="${properties.kcCheckboxLabelClass!}" for="capacity-${capacity?index}">
                            ${msg("toegangTargetGroup." + capacity.targetGroupCode)}
                        </label>
                        <span id="capacity-${capacity?index}-orgs" class="toegang-organisations">${capacity.organisations}</span>
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
